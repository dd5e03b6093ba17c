/**
 * The API alone as a Worker module. The deployed Worker (src/worker.ts) puts Astro behind
 * it; the API tests run this module inside workerd, since Astro's virtual modules only
 * exist in an Astro build.
 */
import { createApi } from "./app.ts";

export default createApi();

// The Workflow named in wrangler.toml must be exported by the Worker under test too.
export { BulkBuildWorkflow } from "../src/services/bulk-workflow.ts";

/** Turns zod validation failures into a 400 problem that names each parameter and rule. */
import type { OpenAPIHonoOptions } from "@hono/zod-openapi";
import { problem } from "./problem.ts";

type Hook = NonNullable<OpenAPIHonoOptions<{ Bindings: Env }>["defaultHook"]>;

export const validationHook: Hook = (result, c) => {
  if (result.success) return;
  const errors = result.error.issues.map((issue) => ({
    parameter: issue.path.join(".") || result.target,
    message: issue.message,
  }));
  const detail = errors.map((e) => `${e.parameter}: ${e.message}`).join("; ");
  return problem(c, 400, detail, `参数有误：${detail}`, errors);
};

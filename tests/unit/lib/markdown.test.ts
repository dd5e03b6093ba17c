/** Bulletin Markdown is sanitised (src/lib/markdown.ts). */
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/lib/markdown.ts";

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    expect(renderMarkdown("**收入**增长\n\n- 一\n- 二")).toBe(
      "<p><strong>收入</strong>增长</p>\n<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n",
    );
  });

  it("lets no script in: raw HTML is text, unsafe links are not links", () => {
    const html = renderMarkdown(
      "<script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](data:text/html,x) ![c](javascript:x) [ok](https://example.org) [rel](/r/45)",
    );
    expect(html).not.toMatch(/<script|<img|href="javascript|href="data|src="javascript/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">ok</a>');
    expect(html).toContain('<a href="/r/45">rel</a>');
  });
});

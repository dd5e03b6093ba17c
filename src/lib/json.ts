/**
 * JSON for embedding in a <script type="application/json"> element: `<`, `>` and `&` are
 * escaped so that a name containing `</script>` cannot end the element.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

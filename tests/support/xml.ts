/**
 * XML read back with a real parser (saxen) into a small tree, strictly: anything saxen
 * only warns about, a second root, a raw "<" in an attribute or an "&" that starts no
 * entity is an error here, so that a test of escaping can fail.
 */
import { Parser } from "saxen";

export interface XmlElement {
  name: string;
  /** Attribute values, entities decoded. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded. */
  text: string;
}

const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/** The document's root element; throws on anything that is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const parser = new Parser();
  const stack: XmlElement[] = [];
  const roots: XmlElement[] = [];
  const fail = (why: string) => {
    throw new Error(`not well-formed XML: ${why}`);
  };
  parser.on("openTag", (name, getAttrs, decode) => {
    const raw = getAttrs();
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (value.includes("<") || ENTITY.test(value)) fail(`attribute ${key}="${value}"`);
      attrs[key] = decode(value);
    }
    const element: XmlElement = { name, attrs, children: [], text: "" };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else roots.push(element);
    stack.push(element);
  });
  parser.on("closeTag", () => {
    stack.pop();
  });
  parser.on("text", (text, decode) => {
    if (ENTITY.test(text)) fail(`text ${text}`);
    const current = stack.at(-1);
    if (current) current.text += decode(text);
    else if (text.trim()) fail(`text outside the root: ${text}`);
  });
  parser.on("error", (error) => fail(error.message));
  (parser as unknown as { on(e: "warn", h: (w: Error) => void): void }).on("warn", (w) =>
    fail(w.message),
  );
  parser.parse(xml.replace(/^<\?xml[^>]*\?>/, ""));
  if (roots.length !== 1) fail(`${roots.length} root elements`);
  if (stack.length !== 0) fail("unclosed elements");
  return roots[0] as XmlElement;
}

/** Every element under `root` (itself included) named `name`, in document order. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    if (el.name === name) out.push(el);
    el.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** All text inside an element, its children's included, in document order. */
export function textOf(el: XmlElement): string {
  return el.text + el.children.map(textOf).join("");
}

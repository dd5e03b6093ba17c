/** The part of saxen's API we use (the package ships no types). */
declare module "saxen" {
  export class Parser {
    constructor(options?: { proxy?: boolean });
    on(
      event: "openTag",
      handler: (
        name: string,
        attrs: () => Record<string, string>,
        decodeEntities: (text: string) => string,
      ) => void,
    ): this;
    on(event: "closeTag", handler: (name: string) => void): this;
    on(
      event: "text",
      handler: (text: string, decodeEntities: (text: string) => string) => void,
    ): this;
    on(event: "error", handler: (error: Error) => void): this;
    parse(xml: string): this;
  }
}

/** A string's UTF-8 bytes (ASCII text is the same bytes). */
export const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Bulletin narratives: Markdown with raw HTML switched off (so no tag a user types is
 * ever emitted) and links limited to http(s), mailto and site-relative addresses.
 */
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const SAFE_LINK = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

// Links that leave the site do not pass the page's referrer or opener.
const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token && /^https?:/i.test(String(token.attrGet("href") ?? "")))
    token.attrSet("rel", "noopener noreferrer");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Safe HTML for a bulletin's narrative. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

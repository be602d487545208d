/**
 * A remark plugin for Decap's Markdown editor that makes what it writes safe MDX.
 *
 * Decap writes plain Markdown: a `{`, `}` or `<` typed in the rich-text editor reaches the file as it
 * is, and MDX would read it as a JavaScript expression or a tag, breaking the build. Decap also keeps
 * raw HTML it finds. This plugin, run when Decap turns the editor's content back into Markdown,
 * escapes those characters in text, and turns HTML into visible text unless it is one of the few
 * elements or site components the content policy allows (src/lib/mdx-policy.ts), which the build
 * then checks in full.
 */
import { ALLOWED_COMPONENTS, ALLOWED_ELEMENTS } from '../src/lib/mdx-policy';

/**
 * An allowed element's tag as the policy accepts it (`<sup>`, `</sup>`, `<br />`, `<abbr title="…">`).
 * Decap's rich-text editor holds inline HTML as text, so these are recognised in text and kept.
 */
const ALLOWED_TAG = (() => {
  const closing = `/(?:${Object.keys(ALLOWED_ELEMENTS).join('|')})`;
  const opening = Object.entries(ALLOWED_ELEMENTS).map(([name, attributes]) => name + attributes.map((a) => String.raw`(?:\s+${a}="[^"{}<>]*")?`).join(''));
  return new RegExp(String.raw`^<(?:${closing}|(?:${opening.join('|')})\s*/?)>`, 'i');
})();

/**
 * `{`, `}` and `<` as character references, which MDX shows as the characters. (A backslash escape
 * would do, except after a web address: the address takes the backslash in, and the `<` or `{` is
 * bare again.)
 */
export const MDX_TEXT_ESCAPES: Readonly<Record<string, string>> = { '{': '&lbrace;', '}': '&rbrace;', '<': '&lt;' };

/**
 * Text with `{`, `}` and `<` written as character references, except the `<` of an allowed element's
 * tag. Decap never puts a backslash before these itself, so any backslashes already there were typed,
 * and are doubled to stay visible.
 * @example escapeMdxText('a {b} <c> <sup>2</sup>') // 'a &lbrace;b&rbrace; &lt;c> <sup>2</sup>'
 */
export function escapeMdxText(text: string): string {
  return text.replace(/(\\*)([{}<])/g, (whole, slashes: string, ch: string, offset: number) =>
    ch === '<' && slashes === '' && ALLOWED_TAG.test(text.slice(offset)) ? whole : `${slashes}${slashes}${MDX_TEXT_ESCAPES[ch]}`,
  );
}

/** Whether raw HTML holds only tags the content policy may accept, and no `{expressions}`. */
export function isAllowedHtml(html: string): boolean {
  if (html.includes('{') || html.includes('}')) return false;
  const tags = [...html.matchAll(/<\/?([A-Za-z][\w.-]*)/g)].map((m) => m[1]);
  return tags.length > 0 && /^\s*</.test(html) && tags.every((name) => name in ALLOWED_COMPONENTS || name.toLowerCase() in ALLOWED_ELEMENTS);
}

interface Visitors {
  text: (node: { value: string }) => string;
  html: (node: { value: string }) => string;
}

/** The plugin, for `CMS.registerRemarkPlugin`. Decap also runs it when parsing, where it has nothing to do. */
export function remarkMdxSafe(this: { Compiler?: { prototype: { visitors: Visitors } } }) {
  const visitors = this.Compiler?.prototype.visitors;
  if (!visitors) return;
  visitors.text = (node) => escapeMdxText(node.value);
  visitors.html = (node) => (isAllowedHtml(node.value) ? node.value : escapeMdxText(node.value));
}

/**
 * Writing and reading the site's content components as MDX text, for the CMS's editor components.
 *
 * Decap's Markdown editor keeps what an editor component's `toBlock` writes verbatim and finds it again
 * with the component's `pattern`, so the two must be exact inverses: whatever an editor types in a
 * field comes back unchanged, and nothing typed can turn into an MDX expression (`{…}`), a tag or
 * Markdown syntax. Attribute values are plain strings (the content policy refuses expressions).
 */
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { bodyComponents } from '../../src/lib/body-components';
import { MDX_TEXT_ESCAPES } from '../mdx-safe';

/** `name="value"` pairs as written by `jsxAttributes` (double-quoted; single quotes accepted when reading). */
const ATTRIBUTES = String.raw`((?:\s+[A-Za-z][\w-]*=(?:"[^"]*"|'[^']*'))*)`;

/**
 * A pattern that matches a component block at the start of the text: `<Name …/>`, or `<Name …>`, its
 * children on the following lines, and `</Name>` on a line of its own. Groups: 1 the attributes, 2 the children.
 * No `m` flag: Decap refuses multi-line patterns, and `[\s\S]` spans lines instead.
 */
export function blockPattern(name: string, { children }: { children: boolean }): RegExp {
  return children ? new RegExp(String.raw`^<${name}${ATTRIBUTES}\s*>\n([\s\S]*?)\n</${name}>`) : new RegExp(String.raw`^<${name}${ATTRIBUTES}\s*/>`);
}

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>' };

/** Attribute text as MDX reads it: character references decoded. */
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1].toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The attributes of a matched tag, decoded. */
export function parseAttributes(source: string | undefined): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, double, single] of (source ?? '').matchAll(/([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[name] = decodeAttribute(double ?? single ?? '');
  }
  return attributes;
}

/**
 * ` a="…" b="…"` for the non-empty values, in the order given. Line breaks become spaces (an attribute
 * is one line of text); `&` and `"` are written as character references, which MDX decodes.
 * @example jsxAttributes({ caption: 'Hội nghị "Học tập"' }) // ' caption="Hội nghị &quot;Học tập&quot;"'
 */
export function jsxAttributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .map(([name, value]) => [name, (value ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim()] as const)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => ` ${name}="${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`)
    .join('');
}

/** ASCII punctuation that Markdown could read as syntax anywhere in a line. */
const INLINE_SYNTAX = /[\\`*_[\]>&|~]/g;
/** What MDX could read as an expression or a tag: written as character references (see admin/mdx-safe.ts). */
const MDX_SYNTAX = /[{}<]/g;
/** What makes a line a heading, quote, list item, rule or setext underline when it starts a line. */
const LINE_START_SYNTAX = /^(\s*)(?:([#>+=-])|(\d+)([.)]))/;

/**
 * Plain text as Markdown that shows exactly that text: every character that could be read as syntax
 * (emphasis, links, tags, `{expressions}`, list markers…) is backslash-escaped. Paragraphs stay
 * separated by blank lines; leading spaces are dropped (four of them would make a code block).
 * @example markdownText('{1} *chú ý*') // '&lbrace;1&rbrace; \\*chú ý\\*'
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) =>
      line
        .trimStart()
        .replace(INLINE_SYNTAX, '\\$&')
        .replace(MDX_SYNTAX, (ch) => MDX_TEXT_ESCAPES[ch])
        .replace(LINE_START_SYNTAX, (_, space: string, mark?: string, digits?: string, delimiter?: string) => (mark ? `${space}\\${mark}` : `${space}${digits}\\${delimiter}`)),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

const UNESCAPES = Object.fromEntries(Object.entries(MDX_TEXT_ESCAPES).map(([ch, reference]) => [reference, ch]));

/** The inverse of `markdownText`: the text an editor typed. */
export function plainText(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])|&(?:lbrace|rbrace|lt);/g, (whole, escaped?: string) => escaped ?? UNESCAPES[whole]);
}

/** A component written as MDX: self-closing, or with its children on lines of their own. */
export function jsxBlock(name: string, attributes: Record<string, string | undefined>, children?: string): string {
  const open = `<${name}${jsxAttributes(attributes)}`;
  return children === undefined ? `${open} />` : `${open}>\n${children}\n</${name}>`;
}

/** Text for HTML previews: the CMS shows what an editor typed, never runs it. */
export function escapeHtml(text: string | undefined): string {
  return (text ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A component as the site renders it (src/lib/body-components.ts), around content given as preview HTML,
 * so that the preview cannot drift from the page.
 */
export function sitePreview(name: string, props: Record<string, string | undefined>, contentHtml = ''): string {
  const content = contentHtml ? [{ type: 'raw', value: contentHtml } as unknown as ElementContent] : [];
  return toHtml(bodyComponents[name](props, content), { allowDangerousHtml: true });
}

/** Plain text as HTML paragraphs (blank lines between them), for previews. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('');
}

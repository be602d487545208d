/**
 * How the CMS reads and writes content files: YAML front matter and an MDX body (`site-frontmatter`),
 * or plain YAML (`site-yaml`), exactly as docs/content-model.md has them.
 *
 * Decap's own formats would do, but they write whatever is in the entry's data: the keys that only
 * name the file (admin/entry-path.ts), and empty values for optional fields left blank (`cover: {src: ''}`,
 * which the schema refuses), in an order of their own. These write only real values, in the file's
 * own key order (new keys in the fields' order), repaired the way `npm run validate -- --fix` repairs
 * text (NFC, Đ typed as Icelandic Ð, zero-width spaces), and read dates as the strings they are
 * (YAML's core schema, as the site reads them).
 */
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import { fixText } from '../src/lib/text-hygiene';
import { PATH_KEYS } from './entry-path';

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/**
 * The order of the keys in the file as read. Decap hands data back in an order of its own; writing
 * an edited file in its original order keeps the commit's diff to what the editor changed.
 */
const KEY_ORDER = '_keyOrder';
const DROPPED = new Set<string>([...PATH_KEYS, KEY_ORDER]);

/** A value as it should be written, or `undefined` to leave it out: blank text, empty lists and objects. */
export function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = fixText(value);
    return text.trim() === '' ? undefined : text;
  }
  if (Array.isArray(value)) {
    const items = value.map(cleanValue).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value).flatMap(([k, v]) => {
      const clean = cleanValue(v);
      return clean === undefined ? [] : [[k, clean] as const];
    });
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value ?? undefined;
}

/**
 * The entry's data to write: internal keys dropped, cleaned, keys in the file's original order, then
 * in the order of the collection's fields (`order`) for keys the file did not have.
 */
export function contentData(data: Record<string, unknown>, order: readonly string[] = []): Record<string, unknown> {
  const kept = Object.entries(data).filter(([key]) => !DROPPED.has(key));
  const original = Array.isArray(data[KEY_ORDER]) ? (data[KEY_ORDER] as string[]) : [];
  const keys = [...original, ...order.filter((key) => !original.includes(key))];
  const rank = (key: string) => (keys.includes(key) ? keys.indexOf(key) : keys.length);
  kept.sort(([a], [b]) => rank(a) - rank(b));
  return (cleanValue(Object.fromEntries(kept)) ?? {}) as Record<string, unknown>;
}

const yaml = (data: Record<string, unknown>) => dump(data, { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true });

const readYaml = (text: string): Record<string, unknown> => {
  const data = load(text, { schema: CORE_SCHEMA });
  return data && typeof data === 'object' && !Array.isArray(data) ? { ...data, [KEY_ORDER]: Object.keys(data) } : {};
};

/** `---`, the front matter, `---`, a blank line and the body. */
export const siteFrontmatter = {
  fromFile(content: string): Record<string, unknown> {
    const match = FRONT_MATTER.exec(content);
    if (!match) return { body: content };
    return { ...readYaml(match[1]), body: content.slice(match[0].length).replace(/^\r?\n/, '') };
  },
  toFile(data: Record<string, unknown>, sortedKeys: string[] = []): string {
    const { body, ...fields } = contentData(data, sortedKeys);
    return `---\n${yaml(fields)}---\n${typeof body === 'string' ? `\n${body.trimEnd()}\n` : ''}`;
  },
};

/** A YAML data file (categories, site settings). */
export const siteYaml = {
  fromFile: readYaml,
  toFile: (data: Record<string, unknown>, sortedKeys: string[] = []) => yaml(contentData(data, sortedKeys)),
};

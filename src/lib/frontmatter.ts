import { CORE_SCHEMA, load } from 'js-yaml';

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Reads the YAML front matter of an entry.
 *
 * Dates stay strings (YAML's core schema has no timestamp type): the default schema turns
 * `2020-10-16T03:41` into a UTC instant and loses the fact that it had no offset, which in this
 * site's contract means Asia/Ho_Chi_Minh. Every string is NFC-normalised.
 */
export function parseFrontmatter(source: string): Record<string, unknown> {
  const match = FRONTMATTER.exec(source);
  if (!match) return {};
  const data = load(match[1], { schema: CORE_SCHEMA });
  return data && typeof data === 'object' && !Array.isArray(data) ? (toNfc(data) as Record<string, unknown>) : {};
}

/** Deeply NFC-normalises every string in a YAML value. */
export function toNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(toNfc);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNfc(v)]));
  }
  return value;
}

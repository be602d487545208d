/**
 * Astro writes its whole content store into one module, `export default JSON.parse("…")`, whose string
 * literal is the store's JSON: 49 MB at 10,000 articles, most of it the bodies' HTML. The build bundles
 * that module with the pages' code and loads it to render the first page, and V8 compiles such a
 * literal in a time that grows faster than its length (Node 24, 2026-11-23: the 49 MB literal took
 * 11.5 s, a quarter of it 0.95 s), while reading and parsing the same JSON from a file takes 1.1 s.
 */

/** Astro's code for the store module is one JSON string literal between these two. */
const STORE_MODULE_START = 'export default JSON.parse(';
const STORE_MODULE_END = ')';

/**
 * The JSON text the store module parses, or `undefined` when the code is not the shape Astro writes.
 *
 * @example storeJson('export default JSON.parse("[1,\\"a\\"]")') // '[1,"a"]'
 */
export function storeJson(code: string): string | undefined {
  if (!code.startsWith(STORE_MODULE_START) || !code.endsWith(STORE_MODULE_END)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(code.slice(STORE_MODULE_START.length, -STORE_MODULE_END.length));
  } catch {
    return undefined;
  }
  return typeof json === 'string' ? json : undefined;
}

/** A module whose value is the JSON of the file at `path`, read when the module runs. */
export const jsonFileModule = (path: string) => `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(path)}, 'utf8'));\n`;

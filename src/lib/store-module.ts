/**
 * Astro bundles its whole content store into one module, `export default JSON.parse("…")`, whose string
 * literal is the store's JSON: 49 MB at 10,000 articles, most of it the bodies' HTML. To make it, Astro
 * reads its `data-store.json`, parses it once to check it and writes it out again as a literal (2.2 s
 * at that size); V8 then compiles such a literal in a time that grows faster than its length (Node 24,
 * 2026-11-23: the 49 MB literal took 11.5 s, a quarter of it 0.95 s), while reading and parsing the
 * same JSON from its file takes 1.1 s. The build therefore resolves Astro's module to one that reads
 * the file when it runs (src/integrations/fast-build.ts).
 */

/** The id under which Astro's code imports the store module (astro/dist/content/consts.js). */
export const ASTRO_STORE_MODULE = 'astro:data-layer-content';

/** The file Astro keeps the store in during a build, in its cache folder (astro/dist/content/paths.js). */
export const ASTRO_STORE_FILE = 'data-store.json';

/**
 * A module whose value is what Astro's store module gives: the JSON of the file at `path`, read when
 * the module runs, or an empty Map where there is no such file.
 */
export const storeFileModule = (path: string) =>
  `import { existsSync, readFileSync } from 'node:fs';\n` +
  `const path = ${JSON.stringify(path)};\n` +
  `export default existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : new Map();\n`;

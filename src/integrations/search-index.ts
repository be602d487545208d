import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { newestFirst, searchDocumentFromPage, searchRecordHtml } from '../lib/search-records.ts';
import { SEARCH_NEWEST_PATH, SEARCH_TEXT_DIR, searchTextPath, type SearchText } from '../lib/search-text.ts';

/** How Pagefind 1.x begins each decompressed index file. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** How many pages may wait for Pagefind at once. */
const PAGES_IN_FLIGHT = 32;

/** A page of the index as kept until Pagefind has named it: its shown file's bytes, and its date for "Mới nhất". */
interface IndexedPage {
  json: Buffer;
  date?: string;
}

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** `/thong-bao/abc/index.html` → `/thong-bao/abc/` */
const urlOf = (file: string) => `/${file.replace(/\\/g, '/').replace(/index\.html$/, '')}`;

/**
 * Indexes every built page of `outDir` that has a `data-pagefind-body` (src/lib/search-records.ts) into
 * `outDir/pagefind/`, and writes what the search page shows of each (writeSearchTexts). Throws on any
 * indexing error.
 */
export async function writeSearchIndex(outDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const problems: string[] = [];
  // What the search page shows of each page, as the JSON file it will be: kept as bytes outside
  // JavaScript's heap, which at 50,000 pages does not hold them beside Astro's own data.
  const documents = new Map<string, IndexedPage>();
  // Pages are handed over without waiting for each, so that Pagefind indexes some while the next are
  // read; but only a few at a time, or at 50,000 pages the waiting records fill Node's heap.
  const inFlight = new Set<Promise<void>>();
  for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html') || file.startsWith('admin') || file.startsWith('pagefind')) continue;
    const doc = searchDocumentFromPage(readFileSync(join(outDir, file), 'utf8'), urlOf(file));
    if (!doc) continue;
    const added: Promise<void> = index
      .addHTMLFile({ url: doc.url, content: searchRecordHtml(doc) })
      .then((result) => void problems.push(...result.errors.map((e) => `${file}: ${e}`)))
      .finally(() => inFlight.delete(added));
    inFlight.add(added);
    documents.set(doc.url, { json: Buffer.from(JSON.stringify(doc satisfies SearchText)), date: doc.date });
    if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  problems.push(...written.errors);
  await pagefind.close();
  problems.push(...writeSearchTexts(outDir, documents));
  // The site has its own search page: Pagefind's ready-made interfaces would only be dead weight.
  for (const file of readdirSync(join(outDir, 'pagefind'))) {
    if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file)) rmSync(join(outDir, 'pagefind', file));
  }
  if (problems.length > 0) throw new Error(`Search index failed:\n${problems.join('\n')}`);
  return { pages: documents.size };
}

/**
 * Writes what the search page shows of each result under the id Pagefind gave the page, which is the
 * name of its fragment file (the fragment, gzip: "pagefind_dcd" then JSON, says the page's address),
 * and the ids newest first. Returns what went wrong: a fragment that cannot be read, or a page left
 * without its file.
 */
function writeSearchTexts(outDir: string, documents: Map<string, IndexedPage>): string[] {
  const fragments = join(outDir, 'pagefind', 'fragment');
  const folder = join(outDir, SEARCH_TEXT_DIR);
  mkdirSync(folder, { recursive: true });
  const problems: string[] = [];
  const written = new Map<string, { id: string; url: string; date?: string }>();
  for (const name of readdirSync(fragments)) {
    const id = name.replace(/\.pf_fragment$/, '');
    let url: string | undefined;
    try {
      const bytes = gunzipSync(readFileSync(join(fragments, name))).toString('utf8');
      const fragmentUrl: unknown = bytes.startsWith(FRAGMENT_SIGNATURE) ? JSON.parse(bytes.slice(FRAGMENT_SIGNATURE.length)).url : undefined;
      if (typeof fragmentUrl === 'string') url = fragmentUrl;
    } catch {
      // unreadable: reported below as a fragment of no page
    }
    const page = url === undefined ? undefined : documents.get(url);
    if (url === undefined || !page) {
      problems.push(`fragment ${name}: not a page of this build, or not in the form this Pagefind version was known to write`);
      continue;
    }
    writeFileSync(join(outDir, searchTextPath(id)), page.json);
    written.set(url, { id, url, date: page.date });
  }
  for (const url of documents.keys()) if (!written.has(url)) problems.push(`${url}: no search fragment`);
  writeFileSync(join(outDir, SEARCH_NEWEST_PATH), JSON.stringify(newestFirst([...written.values()])));
  return problems;
}

/**
 * Builds the search index at the end of `astro build` (see writeSearchIndex). In `astro dev`, serves
 * the last build's index so that search works while editing.
 */
export function searchIndex(): AstroIntegration {
  let outDir = '';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server }) => {
        for (const folder of ['pagefind', SEARCH_TEXT_DIR]) {
          const root = resolve(outDir, folder);
          server.middlewares.use(`/${folder}/`, (req, res, next) => {
            const file = resolve(root, `.${decodeURIComponent((req.url ?? '/').split('?')[0])}`);
            if (!file.startsWith(root) || !existsSync(file)) return next();
            res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
            res.end(readFileSync(file));
          });
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages } = await writeSearchIndex(fileURLToPath(dir));
        logger.info(`search index: ${pages} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

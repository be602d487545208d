import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { newestFirst, searchDocumentFromPage, searchRecordHtml, weightedTerms, type SearchDocument } from '../lib/search-records.ts';
import { layoutSample, layoutTokens, termLayout, type TermLayout } from '../lib/search-layout.ts';
import { decodePagefindFile, encodePagefindFile, pagefindFileContent, shortPageId, withShortPageIds } from '../lib/pagefind-files.ts';
import { SEARCH_NEWEST_PATH, SEARCH_TEXT_DIR, searchTextPath, type SearchText } from '../lib/search-text.ts';

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

/** The built pages of `outDir` that may hold something searchable, relative to it, in a stable order. */
export function builtPages(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('admin') && !file.startsWith('pagefind'))
    .sort();
}

/** The searchable part of a built page (searchDocumentFromPage), if it has one. */
export const searchableIn = (outDir: string, file: string) => searchDocumentFromPage(readFileSync(join(outDir, file), 'utf8'), urlOf(file));

/** Where each term stands in the records: it depends on how many pages hold it (src/lib/search-layout.ts). */
export function recordLayout(outDir: string, pages: readonly string[]): TermLayout {
  return termLayout(
    layoutSample(pages).flatMap((file) => {
      const doc = searchableIn(outDir, file);
      return doc ? [weightedTerms(doc).map(([term]) => term)] : [];
    }),
  );
}

/** What Pagefind is given for a page: its address, and its terms as laid out in every record. */
export const searchRecord = (doc: SearchDocument, layout: TermLayout) => ({ url: doc.url, content: searchRecordHtml(doc, layoutTokens(weightedTerms(doc), layout)) });

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
  const pages = builtPages(outDir);
  const layout = recordLayout(outDir, pages);
  // Pages are handed over without waiting for each, so that Pagefind indexes some while the next are
  // read; but only a few at a time, or at 50,000 pages the waiting records fill Node's heap.
  const inFlight = new Set<Promise<void>>();
  for (const file of pages) {
    const doc = searchableIn(outDir, file);
    if (!doc) continue;
    const added: Promise<void> = index
      .addHTMLFile(searchRecord(doc, layout))
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
  giveShortPageIds(join(outDir, 'pagefind'));
  problems.push(...writeSearchTexts(outDir, documents));
  // The site has its own search page: Pagefind's ready-made interfaces would only be dead weight.
  for (const file of readdirSync(join(outDir, 'pagefind'))) {
    if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file)) rmSync(join(outDir, 'pagefind', file));
  }
  if (problems.length > 0) throw new Error(`Search index failed:\n${problems.join('\n')}`);
  return { pages: documents.size };
}

/**
 * Gives every page of the index a short id in Pagefind's metadata (withShortPageIds), which every first
 * search downloads, and renames the pages' fragments to match. Throws if Pagefind's files are not in the
 * form this code knows: decoding and encoding the metadata unchanged must give back its very bytes.
 */
function giveShortPageIds(pagefindDir: string): void {
  const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  for (const { hash } of Object.values(entry.languages)) {
    const file = join(pagefindDir, `pagefind.${hash}.pf_meta`);
    const original = readFileSync(file);
    const decoded = decodePagefindFile(original);
    if (!pagefindFileContent(encodePagefindFile(decoded)).equals(pagefindFileContent(original))) {
      throw new Error(`Pagefind metadata ${file} holds what this site cannot rewrite: see src/lib/pagefind-files.ts`);
    }
    const { meta, replaced } = withShortPageIds(decoded);
    writeFileSync(file, encodePagefindFile(meta));
    replaced.forEach((id, n) => renameSync(join(pagefindDir, 'fragment', `${id}.pf_fragment`), join(pagefindDir, 'fragment', `${shortPageId(n)}.pf_fragment`)));
  }
}

/**
 * Writes what the search page shows of each result under the page's id in the index, which is the
 * name of its fragment file (the fragment, a Pagefind file of JSON, says the page's address),
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
      const fragmentUrl: unknown = JSON.parse(pagefindFileContent(readFileSync(join(fragments, name))).toString('utf8')).url;
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

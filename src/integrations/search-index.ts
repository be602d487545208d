import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { newestFirst, weightedTerms } from '../lib/search-records.ts';
import { layoutSample, termLayout, type TermLayout } from '../lib/search-layout.ts';
import { decodePagefindFile, encodeCbor, encodePagefindFile, pagefindFileAsync, shortPageId } from '../lib/pagefind-files.ts';
import { pagesDigest, partKey, partsOf, type PartPage } from '../lib/search-parts.ts';
import { chunkCbor, chunkRanges, chunkWords, fileNamer, indexChunks, mergedWords, metaCbor, readMeta } from '../lib/pagefind-merge.ts';
import { checkedPagefindVersion, indexFilters } from '../lib/pagefind-postings.ts';
import { SEARCH_NEWEST_PATH, SEARCH_TEXT_DIR, searchTextPath } from '../lib/search-text.ts';
import { workerAnswer } from '../lib/worker-answer.ts';
import { FileFacts } from '../lib/file-facts.ts';
import { filesDigest } from '../lib/files-digest.ts';
import { memoised } from '../lib/memo.ts';
import { builtHtmlFiles } from '../lib/output-files.ts';
import { PART_DOCUMENTS, PART_WORDS, searchableIn, urlOf, type PartDocument, type PartTask, type PartWorkerData } from './search-part.ts';

/**
 * How many pages a part of the index holds, on the whole (src/lib/search-parts.ts). A republish indexes
 * again the parts of the pages it changed, so smaller parts make it faster; each part costs a file
 * read and a few milliseconds in the merge.
 */
const PART_PAGES = 250;
/** No part holds more than this many times PART_PAGES. */
const MAX_PART_SHARE = 3;
/** At most this many parts are made at once, each in a worker thread; fewer on a machine with fewer cores. */
const MAX_PART_WORKERS = 2;
/** Pagefind's ready-made interfaces: the site has its own search page, so these would be dead weight. */
const PAGEFIND_INTERFACES = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;

/** A page of the index as its metadata and filters hold it: its record's length, and its filters. */
export interface PageInIndex {
  wordCount: number;
  filters: [name: string, value: string][];
}

/** A page of the index, with what the search page shows of it (its file's bytes) and its date for "Mới nhất". */
interface IndexedPage extends PageInIndex {
  json: Buffer;
  date?: string;
}

/**
 * `text` as UTF-8 bytes in memory of their own. `Buffer.from` cuts small buffers out of a shared 64 KB
 * block that lives as long as any of them: each page's bytes, kept until the search texts are written,
 * once kept the blocks the messages to Pagefind (about 27 KB a page) had been cut from, 1.6 GB at
 * 50,000 pages.
 */
function ownBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/**
 * The built pages of `outDir` that may hold something searchable, relative to it, in a stable order:
 * of `htmlFiles` (builtHtmlFiles), or of every HTML file in the folder.
 */
export function builtPages(outDir: string, htmlFiles?: readonly string[]): string[] {
  return (htmlFiles ?? readdirSync(outDir, { recursive: true, encoding: 'utf8' }))
    .filter((file) => file.endsWith('.html') && !file.startsWith('admin') && !file.startsWith('pagefind'))
    .sort();
}

/** Where each term stands in the records: it depends on how many pages hold it (src/lib/search-layout.ts). */
export function recordLayout(outDir: string, pages: readonly string[]): TermLayout {
  return termLayout(
    layoutSample(pages).flatMap((file) => {
      const doc = searchableIn(outDir, file);
      return doc ? [weightedTerms(doc).map(([term]) => term)] : [];
    }),
  );
}

/** Where the parts of the index are kept between builds, and a digest of the code that makes them (codeVersion). */
export interface SearchIndexCache {
  dir: string;
  version: string;
}

/** A page to index: its built file, its address, and a digest of the HTML its record is made from. */
interface SearchablePage extends PartPage {
  file: string;
}

/**
 * The built pages with a `data-pagefind-body`, each with a digest of its HTML from that element's tag
 * on, all that searchDocumentFromPage reads: a change to the header or menu, the same on every page,
 * does not make every part be indexed again. With `facts`, a page as the last build left it is not read.
 */
function searchablePages(outDir: string, pages: readonly string[], facts?: FileFacts<string | null>): SearchablePage[] {
  const digestOf = (html: Buffer) => {
    const marker = html.indexOf('data-pagefind-body');
    return marker < 0 ? null : createHash('sha256').update(html.subarray(html.lastIndexOf('<', marker))).digest('base64url');
  };
  return pages.flatMap((file) => {
    const path = join(outDir, file);
    const digest = facts ? facts.of(path, digestOf) : digestOf(readFileSync(path));
    return digest === null ? [] : [{ file, url: urlOf(file), digest }];
  });
}

/**
 * Indexes every built page of `outDir` that has a `data-pagefind-body` (src/lib/search-records.ts) into
 * `outDir/pagefind/`, and writes what the search page shows of each (writeSearchTexts). The pages are
 * indexed in parts (src/lib/search-parts.ts), a few side by side (indexParts), and the parts merged
 * into the index one process would have written. With a cache, a part made by an earlier build from the
 * same HTML, layout and code is taken from it instead of being indexed again. `htmlFiles` spares
 * walking `outDir` for its pages (builtPages). Throws on any indexing error.
 */
export async function writeSearchIndex(
  outDir: string,
  { cache, partPages = PART_PAGES, htmlFiles }: { cache?: SearchIndexCache; partPages?: number; htmlFiles?: readonly string[] } = {},
): Promise<{ pages: number; parts: number; partsIndexed: number }> {
  const pages = builtPages(outDir, htmlFiles);
  const cacheFolder = cache && openCache(cache);
  // With a cache, a page left in place by the last build is not read again for its digest (file-facts.ts).
  const digests = cache && cacheFolder ? new FileFacts<string | null>(join(cacheFolder, 'page-digests.json'), cache.version) : undefined;
  const searchable = searchablePages(outDir, pages, digests);
  digests?.save();
  const layout = cacheFolder ? keptLayout(cacheFolder, outDir, pages, searchable) : recordLayout(outDir, pages);
  const parts = partsOf(searchable, (page) => page.url, partPages, partPages * MAX_PART_SHARE);
  // Without a cache, inside the output folder, which the next build empties should this one stop midway.
  const store = cacheFolder ? join(cacheFolder, 'parts') : mkdtempSync(join(outDir, '.search-index-'));
  const kept = cacheFolder && join(cacheFolder, 'files');
  const runtimeDir = mkdtempSync(join(outDir, '.pagefind-runtime-'));
  for (const folder of [store, kept]) if (folder) mkdirSync(folder, { recursive: true });
  try {
    const dirs = parts.map((part, n) => join(store, cache ? partKey(layout, part) : String(n)));
    const tasks = parts.flatMap((part, n) => (cache && existsSync(join(dirs[n], PART_DOCUMENTS)) ? [] : [{ files: part.map(({ file }) => file), dir: dirs[n] }]));
    // Pagefind writes its own files while the parts are made; both end before a failure is reported.
    const [runtime, made] = await Promise.allSettled([pagefindRuntime(runtimeDir), indexParts(outDir, layout, tasks)]);
    if (runtime.status === 'rejected') throw runtime.reason;
    if (made.status === 'rejected') throw made.reason;
    if (made.value.length > 0) throw new Error(`Search index failed:\n${made.value.join('\n')}`);
    // Each part's folder, and its pages by address. What the search page shows of each page is kept as
    // bytes outside JavaScript's heap, which at 50,000 pages does not hold it beside Astro's own data.
    const indexed = dirs.flatMap((dir) => {
      const pagesOfPart = keptPart(dir);
      return pagesOfPart && pagesOfPart.size > 0 ? [{ dir, pages: pagesOfPart }] : [];
    });
    const searchTexts: SearchTextFile[] = [];
    if (indexed.length > 0) {
      await mergeSearchParts(
        indexed.map(({ dir, pages: pagesOfPart }) => ({ dir, pages: [...pagesOfPart.values()] })),
        runtime.value,
        join(outDir, 'pagefind'),
        { kept },
      );
      for (const { pages: pagesOfPart } of indexed) {
        for (const [url, { json, date }] of pagesOfPart) searchTexts.push({ id: shortPageId(searchTexts.length), url, json, date });
      }
    }
    if (cache) {
      // Parts no page of this build is in any more.
      const used = new Set(indexed.map(({ dir }) => basename(dir)));
      for (const name of readdirSync(store)) if (!used.has(name)) rmSync(join(store, name), { recursive: true, force: true });
    }
    writeSearchTexts(outDir, searchTexts);
    return { pages: searchTexts.length, parts: indexed.length, partsIndexed: tasks.length };
  } finally {
    if (!cache) rmSync(store, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
  }
}

/** Pagefind's files for the browser, written by Pagefind itself, and what its entry and metadata say. */
export interface PagefindRuntime {
  dir: string;
  entry: { languages: Record<string, { hash: string; page_count: number }> };
  language: string;
  version: string;
}

/**
 * Has Pagefind write its files for one page into `dir`: its script, worker and WebAssembly, which the
 * search page loads, and its entry file, whose fields and version the merged index takes.
 */
export async function pagefindRuntime(dir: string): Promise<PagefindRuntime> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addCustomRecord({ url: '/', content: 'pagefind', language: 'vi' });
    const written = await index.writeFiles({ outputPath: dir });
    const problems = [...added.errors, ...written.errors];
    if (problems.length > 0) throw new Error(`Pagefind could not write its files: ${problems.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as PagefindRuntime['entry'];
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new Error(`Pagefind wrote ${languages.length} languages in ${dir}, where one was asked for`);
  const meta = readMeta(decodePagefindFile(readFileSync(join(dir, `pagefind.${entry.languages[languages[0]].hash}.pf_meta`))));
  return { dir, entry, language: languages[0], version: checkedPagefindVersion(meta.version) };
}

/**
 * The index's folder in `cache`, emptied if what it holds was made by other code than this build's
 * (a part, or a compressed file, would not be what this code makes). Returns the folder.
 */
function openCache(cache: SearchIndexCache): string {
  const folder = join(cache.dir, 'search-index');
  const versionFile = join(folder, 'version');
  if (!existsSync(versionFile) || readFileSync(versionFile, 'utf8') !== cache.version) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(versionFile, cache.version);
  }
  return folder;
}

/**
 * The layout (recordLayout), taken from the cache folder when the sampled pages are those it was learnt
 * from, with the same HTML from their searchable element on (what recordLayout reads): learning it reads
 * and folds a thousand pages, 1.7 s of a republish at 10,000 articles. Otherwise learnt, and kept.
 */
function keptLayout(cacheFolder: string, outDir: string, pages: readonly string[], searchable: readonly SearchablePage[]): TermLayout {
  const sampled = new Set(layoutSample(pages));
  const sample = pagesDigest(searchable.filter(({ file }) => sampled.has(file)));
  const file = join(cacheFolder, 'layout.json');
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { sample: string; terms: string[] }) : undefined;
  if (kept?.sample === sample) return { place: new Map(kept.terms.map((term, place) => [term, place])) };
  const layout = recordLayout(outDir, pages);
  writeFileSync(file, JSON.stringify({ sample, terms: [...layout.place.keys()] }));
  return layout;
}

/** Each page of the part kept in `dir` (IndexedPage), by address, if it is there. */
function keptPart(dir: string): Map<string, IndexedPage> | undefined {
  const file = join(dir, PART_DOCUMENTS);
  if (!existsSync(file)) return undefined;
  const kept = JSON.parse(readFileSync(file, 'utf8')) as PartDocument[];
  return new Map(kept.map(([url, date, json, wordCount, filters]) => [url, { json: ownBytes(json), date: date ?? undefined, wordCount, filters }]));
}

/** The worker threads' code: a .ts file, which Node runs as it is (its types stripped). */
const PART_WORKER = fileURLToPath(new URL('./search-part-worker.ts', import.meta.url));

/**
 * Makes the parts `tasks` in worker threads (search-part-worker.ts), MAX_PART_WORKERS at most at once:
 * reading and parsing the built pages and weighing their terms is most of the index step's work.
 * Returns what went wrong, part after part.
 */
async function indexParts(outDir: string, layout: TermLayout, tasks: readonly PartTask[]): Promise<string[]> {
  const problems: string[][] = [];
  let next = 0;
  const runWorker = async () => {
    const worker = new Worker(PART_WORKER, { workerData: { outDir, layout } satisfies PartWorkerData });
    try {
      for (let n = next++; n < tasks.length; n = next++) problems[n] = await workerAnswer<string[]>(worker, tasks[n]);
    } catch (error) {
      next = tasks.length; // the build fails: the other workers take no more parts
      throw error;
    } finally {
      await worker.terminate();
    }
  };
  const workers = Math.min(tasks.length, MAX_PART_WORKERS, availableParallelism());
  // Every worker ends before a failure is reported: none is left indexing into the folders.
  const ended = await Promise.allSettled(Array.from({ length: workers }, runWorker));
  for (const result of ended) if (result.status === 'rejected') throw result.reason;
  return problems.flat();
}

/**
 * A digest of what makes the index from the built pages: the site's own code (src/lib and
 * src/integrations), the packages installed (package-lock.json) and Node, whose zlib compresses the
 * files. Nothing kept by a build of other code is taken. Computed once per root: the content checks,
 * the search index and the security headers each key their caches by it.
 */
export const codeVersion = memoised((root: string): string => {
  const files = ['package-lock.json', ...['src/lib', 'src/integrations'].flatMap((dir) => readdirSync(join(root, dir)).filter((name) => name.endsWith('.ts')).sort().map((name) => `${dir}/${name}`))];
  return filesDigest(root, files, process.version);
});

/** A part of the index to merge: its folder (search-part.ts), and its pages in order. */
export interface IndexPart {
  dir: string;
  pages: readonly PageInIndex[];
}

/**
 * Writes into `target` the index Pagefind would have written for the pages of every part, in order
 * (src/lib/pagefind-merge.ts), with Pagefind's own files for the browser (`runtime`), every page given
 * its short id in the metadata, which every first search downloads (shortPageId), and no fragments: the
 * search page shows the build's own file of each result (writeSearchTexts). With a folder of `kept`
 * files, a compressed chunk or filter found there under its name (a hash of its content) is linked
 * rather than compressed again, which most of the build's merge time is (after one article is edited in
 * a 10,000-article site, 553 of the 617 chunks are the same). The files it does not use are removed
 * from that folder, and those it writes added.
 */
export async function mergeSearchParts(parts: readonly IndexPart[], runtime: PagefindRuntime, target: string, { kept }: { kept?: string } = {}): Promise<void> {
  const offsets: number[] = [];
  let pageCount = 0;
  for (const { pages } of parts) {
    offsets.push(pageCount);
    pageCount += pages.length;
  }
  rmSync(target, { recursive: true, force: true });
  for (const folder of ['index', 'filter']) mkdirSync(join(target, folder), { recursive: true });
  for (const name of readdirSync(runtime.dir)) {
    const file = join(runtime.dir, name);
    if (statSync(file).isFile() && name !== 'pagefind-entry.json' && !name.endsWith('.pf_meta') && !PAGEFIND_INTERFACES.test(name)) copyFileSync(file, join(target, name));
  }
  const { language } = runtime;
  const nameOf = fileNamer(language);
  const keptBefore = new Set(kept ? readdirSync(kept) : []);
  const keptNow = new Set<string>();
  const compressing = new Set<Promise<void>>();
  const write = async (folder: string, extension: string, content: Buffer) => {
    const name = nameOf(content);
    const file = `${name}.${extension}`;
    const path = join(target, folder, file);
    if (kept) keptNow.add(file);
    if (kept && keptBefore.has(file)) {
      linkOrCopy(join(kept, file), path);
      return name;
    }
    const written: Promise<void> = pagefindFileAsync(content)
      .then((compressed) => {
        writeFileSync(path, compressed);
        if (kept && !existsSync(join(kept, file))) linkOrCopy(path, join(kept, file));
      })
      .finally(() => compressing.delete(written));
    compressing.add(written);
    // A few at a time: the chunks waiting to be compressed are held in memory.
    if (compressing.size >= 8) await Promise.race(compressing);
    return name;
  };
  const bounds: [string, string][] = [];
  const chunkFiles: string[] = [];
  for (const chunk of indexChunks(mergedWords(parts.map(({ dir }, n) => chunkWords(readFileSync(join(dir, PART_WORDS)), offsets[n]))))) {
    bounds.push([chunk[0].word, chunk[chunk.length - 1].word]);
    chunkFiles.push(await write('index', 'pf_index', chunkCbor(chunk)));
  }
  const filters: [string, string][] = [];
  for (const filter of indexFilters(parts.flatMap(({ pages }) => pages.map((page) => page.filters)))) {
    filters.push([filter[0], await write('filter', 'pf_filter', encodeCbor(filter))]);
  }
  await Promise.all(compressing);
  for (const file of keptBefore) if (!keptNow.has(file)) rmSync(join(kept!, file));
  const meta = metaCbor({
    version: runtime.version,
    pages: parts.flatMap(({ pages }) => pages).map(({ wordCount }, n) => [shortPageId(n), wordCount]),
    chunks: chunkRanges(bounds).map(([from, to], i) => [from, to, chunkFiles[i]]),
    filters,
  });
  const metaName = nameOf(encodeCbor(meta), 10);
  writeFileSync(join(target, `pagefind.${metaName}.pf_meta`), encodePagefindFile(meta));
  const entry = { ...runtime.entry, languages: { [language]: { ...runtime.entry.languages[language], hash: metaName, page_count: pageCount } } };
  writeFileSync(join(target, 'pagefind-entry.json'), JSON.stringify(entry));
}

/** A hard link to `from` at `to`, or a copy where the two are on different disks. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to);
  }
}

/** What the search page shows of a page, under the page's short id in the index. */
interface SearchTextFile {
  id: string;
  url: string;
  json: Buffer;
  date?: string;
}

/** Writes what the search page shows of each result under the page's id, and the ids newest first. */
function writeSearchTexts(outDir: string, pages: SearchTextFile[]): void {
  mkdirSync(join(outDir, SEARCH_TEXT_DIR), { recursive: true });
  for (const { id, json } of pages) writeFileSync(join(outDir, searchTextPath(id)), json);
  writeFileSync(join(outDir, SEARCH_NEWEST_PATH), JSON.stringify(newestFirst(pages)));
}

/**
 * Builds the search index at the end of `astro build` (see writeSearchIndex). In `astro dev`, serves
 * the last build's index so that search works while editing.
 */
export function searchIndex(): AstroIntegration {
  let outDir = '';
  let publicDir = '';
  let cache: SearchIndexCache | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
        cache = { dir: fileURLToPath(config.cacheDir), version: codeVersion(fileURLToPath(config.root)) };
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
      'astro:build:done': async ({ dir, assets, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const { pages, parts, partsIndexed } = await writeSearchIndex(out, { cache, htmlFiles: builtHtmlFiles(out, assets, publicDir) });
        logger.info(`search index: ${pages} pages in ${Math.round(performance.now() - started)} ms; ${partsIndexed} of ${parts} parts indexed, ${parts - partsIndexed} taken from the last build`);
      },
    },
  };
}

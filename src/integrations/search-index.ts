import { rm } from 'node:fs/promises';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { newestFirst, searchDocumentFromPage, searchRecordHtml, weightedTerms, type SearchDocument } from '../lib/search-records.ts';
import { layoutSample, layoutTokens, termLayout, type TermLayout } from '../lib/search-layout.ts';
import { type Cbor, decodePagefindFile, encodeCbor, encodePagefindFile, pagefindFileAsync, pagefindFileContent, shortPageId, withShortPageIds } from '../lib/pagefind-files.ts';
import { pagesDigest, partKey, partsOf, type PartPage } from '../lib/search-parts.ts';
import { chunkCbor, chunkRanges, chunkWords, fileNamer, indexChunks, mergedFilters, mergedWords, metaCbor, readMeta } from '../lib/pagefind-merge.ts';
import { SEARCH_NEWEST_PATH, SEARCH_TEXT_DIR, searchTextPath, type SearchText } from '../lib/search-text.ts';

/** How many pages may wait for Pagefind at once. */
const PAGES_IN_FLIGHT = 32;
/**
 * How many pages one Pagefind process indexes, on the whole (src/lib/search-parts.ts): it holds them all
 * until it writes (about 0.4 MB a page), so parts, merged after (src/lib/pagefind-merge.ts), keep it
 * small. Over 10,000 articles, parts of 250 to 1,000 pages took the same time; parts of 2,000, 15 % more.
 * A republish indexes again the parts of the pages it changed, so smaller parts make it faster.
 */
const PART_PAGES = 250;
/** No part holds more than this many times PART_PAGES. */
const MAX_PART_SHARE = 3;
/** Pagefind's ready-made interfaces: the site has its own search page, so these would be dead weight. */
const PAGEFIND_INTERFACES = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;

/**
 * A page of the index: what the search page shows of it (its file's bytes), its date for "Mới nhất",
 * and the name Pagefind gave its fragment in its part.
 */
interface IndexedPage {
  json: Buffer;
  date?: string;
  fragment: string;
}

/**
 * `text` as UTF-8 bytes in memory of their own. `Buffer.from` cuts small buffers out of a shared 64 KB
 * block that lives as long as any of them: each page's bytes, kept until the search texts are written,
 * kept the block the messages to Pagefind (about 27 KB a page) had been cut from, 1.6 GB at 50,000 pages.
 */
function ownBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
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
 * does not make every part be indexed again.
 */
function searchablePages(outDir: string, pages: readonly string[]): SearchablePage[] {
  return pages.flatMap((file) => {
    const html = readFileSync(join(outDir, file));
    const marker = html.indexOf('data-pagefind-body');
    if (marker < 0) return [];
    return [{ file, url: urlOf(file), digest: createHash('sha256').update(html.subarray(html.lastIndexOf('<', marker))).digest('base64url') }];
  });
}

/**
 * Indexes every built page of `outDir` that has a `data-pagefind-body` (src/lib/search-records.ts) into
 * `outDir/pagefind/`, and writes what the search page shows of each (writeSearchTexts). The pages are
 * indexed in parts (src/lib/search-parts.ts), one Pagefind process after another, and the parts merged
 * into the index one process would have written. With a cache, a part made by an earlier build from the
 * same HTML, layout and code is taken from it instead of being indexed again. Throws on any indexing
 * error.
 */
export async function writeSearchIndex(outDir: string, { cache, partPages = PART_PAGES }: { cache?: SearchIndexCache; partPages?: number } = {}): Promise<{ pages: number; parts: number; partsIndexed: number }> {
  const problems: string[] = [];
  const pages = builtPages(outDir);
  const searchable = searchablePages(outDir, pages);
  const cacheFolder = cache && openCache(cache);
  const layout = cacheFolder ? keptLayout(cacheFolder, outDir, pages, searchable) : recordLayout(outDir, pages);
  const parts = partsOf(searchable, (page) => page.url, partPages, partPages * MAX_PART_SHARE);
  // Without a cache, inside the output folder, which the next build empties should this one stop midway.
  const store = cacheFolder ? join(cacheFolder, 'parts') : mkdtempSync(join(outDir, '.search-index-'));
  const kept = cacheFolder && join(cacheFolder, 'files');
  for (const folder of [store, kept]) if (folder) mkdirSync(folder, { recursive: true });
  // Each part's folder, with Pagefind's files in PART_INDEX, and its pages by address. What the search
  // page shows of each page is kept as bytes outside JavaScript's heap, which at 50,000 pages does not
  // hold it beside Astro's own data.
  const indexed: { dir: string; pages: Map<string, IndexedPage> }[] = [];
  let searchTexts: SearchTextFile[] = [];
  let partsIndexed = 0;
  const removals: Promise<void>[] = [];
  try {
    for (const part of parts) {
      const dir = join(store, cache ? partKey(layout, part) : String(indexed.length));
      let made = cache && keptPart(dir);
      if (!made) {
        const fresh = await indexPart(outDir, part, layout, dir);
        problems.push(...fresh.problems);
        removals.push(fresh.fragmentsRemoved);
        made = fresh.made;
        partsIndexed++;
      }
      if (made.size > 0) indexed.push({ dir, pages: made });
    }
    if (problems.length === 0 && indexed.length > 0) {
      const ids = await mergeSearchParts(indexed.map(({ dir }) => join(dir, PART_INDEX)), join(outDir, 'pagefind'), { kept });
      searchTexts = indexed.flatMap(({ pages: made }, part) => [...made].map(([url, { json, date, fragment }]) => ({ id: ids[part].get(fragment)!, url, json, date })));
    }
    if (problems.length === 0 && cache) {
      // Parts no page of this build is in any more.
      const used = new Set(indexed.map(({ dir }) => basename(dir)));
      for (const name of readdirSync(store)) if (!used.has(name)) rmSync(join(store, name), { recursive: true, force: true });
    }
  } finally {
    await Promise.all(removals);
    if (!cache) rmSync(store, { recursive: true, force: true });
  }
  if (problems.length > 0) throw new Error(`Search index failed:\n${problems.join('\n')}`);
  writeSearchTexts(outDir, searchTexts);
  return { pages: searchTexts.length, parts: indexed.length, partsIndexed };
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

/** In a part's folder: Pagefind's files, and what the search page shows of each of its pages. */
const PART_INDEX = 'pagefind';
const PART_DOCUMENTS = 'documents.json';

/** What the search page shows of each page of the part kept in `dir`, if it is there. */
function keptPart(dir: string): Map<string, IndexedPage> | undefined {
  const file = join(dir, PART_DOCUMENTS);
  if (!existsSync(file)) return undefined;
  const kept = JSON.parse(readFileSync(file, 'utf8')) as [url: string, date: string | null, json: string, fragment: string][];
  return new Map(kept.map(([url, date, json, fragment]) => [url, { json: ownBytes(json), date: date ?? undefined, fragment }]));
}

/**
 * Indexes a part's pages with a Pagefind process of its own, which it ends, so freeing its memory,
 * before the next part's begins. Writes the part into `dir`, with what the search page shows of each
 * page (PART_DOCUMENTS) last, so that only a whole part is ever taken from the cache.
 */
async function indexPart(outDir: string, part: readonly SearchablePage[], layout: TermLayout, dir: string): Promise<{ made: Map<string, IndexedPage>; problems: string[]; fragmentsRemoved: Promise<void> }> {
  const made = new Map<string, IndexedPage>();
  const problems: string[] = [];
  rmSync(dir, { recursive: true, force: true });
  const index = await startPagefind();
  try {
    // Pages are handed over without waiting for each, so that Pagefind indexes some while the next are
    // read; but only a few at a time, or the waiting records fill Node's heap.
    const inFlight = new Set<Promise<void>>();
    for (const { file } of part) {
      const doc = searchableIn(outDir, file);
      if (!doc) continue;
      const added: Promise<void> = index
        .addHTMLFile(searchRecord(doc, layout))
        .then((result) => void problems.push(...result.errors.map((e) => `${file}: ${e}`)))
        .finally(() => inFlight.delete(added));
      inFlight.add(added);
      made.set(doc.url, { json: ownBytes(JSON.stringify(doc satisfies SearchText)), date: doc.date, fragment: '' });
      if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (made.size > 0) problems.push(...(await index.writeFiles({ outputPath: join(dir, PART_INDEX) })).errors);
  } finally {
    await pagefind.close();
  }
  if (made.size > 0 && problems.length === 0) problems.push(...nameFragments(join(dir, PART_INDEX, 'fragment'), made));
  if (made.size > 0 && problems.length === 0) {
    writeFileSync(join(dir, PART_DOCUMENTS), JSON.stringify([...made].map(([url, { json, date, fragment }]) => [url, date ?? null, json.toString('utf8'), fragment])));
  }
  // Named, the fragments have served: what a result shows is the build's own file (writeSearchTexts).
  // They go while the next part is indexed.
  return { made, problems, fragmentsRemoved: rm(join(dir, PART_INDEX, 'fragment'), { recursive: true, force: true }) };
}

/**
 * Gives each page of `made` the name of its fragment in `folder` (a fragment, a Pagefind file of JSON,
 * says its page's address). Returns what went wrong: a fragment that cannot be read or is of no page,
 * or a page left without one.
 */
function nameFragments(folder: string, made: Map<string, IndexedPage>): string[] {
  const problems: string[] = [];
  for (const name of readdirSync(folder)) {
    let url: unknown;
    try {
      url = JSON.parse(pagefindFileContent(readFileSync(join(folder, name))).toString('utf8')).url;
    } catch {
      // unreadable: reported below as a fragment of no page
    }
    const page = typeof url === 'string' ? made.get(url) : undefined;
    if (page) page.fragment = name.replace(/\.pf_fragment$/, '');
    else problems.push(`fragment ${name}: not a page of this build, or not in the form this Pagefind version was known to write`);
  }
  for (const [url, { fragment }] of made) if (!fragment) problems.push(`${url}: no search fragment`);
  return problems;
}

/**
 * A digest of what makes the index from the built pages: the site's own code (src/lib and
 * src/integrations), the packages installed (package-lock.json) and Node, whose zlib compresses the
 * files. Nothing kept by a build of other code is taken.
 */
export function codeVersion(root: string): string {
  const hash = createHash('sha256').update(process.version);
  const files = ['package-lock.json', ...['src/lib', 'src/integrations'].flatMap((dir) => readdirSync(join(root, dir)).filter((name) => name.endsWith('.ts')).sort().map((name) => `${dir}/${name}`))];
  for (const file of files) {
    const path = join(root, file);
    hash.update('\0').update(file).update('\0').update(existsSync(path) ? readFileSync(path) : '');
  }
  return hash.digest('base64url');
}

async function startPagefind() {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/**
 * Writes into `target` the index Pagefind would have written for the pages of every part, in order
 * (src/lib/pagefind-merge.ts), with every page given its short id in the metadata, which every first
 * search downloads (withShortPageIds), but without Pagefind's fragments: the search page shows the
 * build's own file of each result (writeSearchTexts), and 11,002 fragments were 28 MB and a quarter
 * of a 10,000-article site's files. With a folder of `kept` files, a compressed chunk or filter found
 * there under its name (a hash of its content) is linked rather than compressed again, which most of
 * the build's merge time is (after one article is edited in a 10,000-article site, 553 of the 617
 * chunks are the same). The files it does not use are removed from that folder, and those it writes
 * added. Returns, for each part, its pages' short ids by the ids Pagefind gave them.
 */
export async function mergeSearchParts(partDirs: string[], target: string, { kept }: { kept?: string } = {}): Promise<Map<string, string>[]> {
  let offset = 0;
  const parts = partDirs.map((dir) => {
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
    const languages = Object.keys(entry.languages);
    if (languages.length !== 1) throw new Error(`Pagefind wrote ${languages.length} languages in ${dir}, where one was asked for`);
    const meta = readMeta(decodePagefindFile(readFileSync(join(dir, `pagefind.${entry.languages[languages[0]].hash}.pf_meta`))));
    const part = { dir, entry, language: languages[0], meta, offset };
    offset += meta.pages.length;
    return part;
  });
  const [{ entry, language, meta: first }] = parts;
  if (parts.some((part) => part.language !== language || part.meta.version !== first.version)) throw new Error('Pagefind wrote the parts of the index in different languages or versions');
  rmSync(target, { recursive: true, force: true });
  for (const folder of ['index', 'filter']) mkdirSync(join(target, folder), { recursive: true });
  for (const name of readdirSync(parts[0].dir)) {
    const file = join(parts[0].dir, name);
    if (statSync(file).isFile() && name !== 'pagefind-entry.json' && !name.endsWith('.pf_meta') && !PAGEFIND_INTERFACES.test(name)) copyFileSync(file, join(target, name));
  }
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
  const wordsOf = function* ({ dir, meta, offset }: (typeof parts)[number]) {
    for (const [, , file] of meta.chunks) yield* chunkWords(pagefindFileContent(readFileSync(join(dir, 'index', `${file}.pf_index`))), offset);
  };
  const bounds: [string, string][] = [];
  const chunkFiles: string[] = [];
  for (const chunk of indexChunks(mergedWords(parts.map(wordsOf)))) {
    bounds.push([chunk[0].word, chunk[chunk.length - 1].word]);
    chunkFiles.push(await write('index', 'pf_index', chunkCbor(chunk)));
  }
  const filters: [string, string][] = [];
  for (const filter of mergedFilters(parts.map(({ dir, meta, offset }) => ({ offset, filters: meta.filters.map(([, file]) => decodePagefindFile(readFileSync(join(dir, 'filter', `${file}.pf_filter`)))) })))) {
    filters.push([(filter as Cbor[])[0] as string, await write('filter', 'pf_filter', encodeCbor(filter))]);
  }
  await Promise.all(compressing);
  for (const file of keptBefore) if (!keptNow.has(file)) rmSync(join(kept!, file));
  const meta = metaCbor({
    version: first.version,
    pages: parts.flatMap((part) => part.meta.pages),
    chunks: chunkRanges(bounds).map(([from, to], i) => [from, to, chunkFiles[i]]),
    filters,
  });
  const metaName = nameOf(encodeCbor(meta), 10);
  writeFileSync(join(target, `pagefind.${metaName}.pf_meta`), encodePagefindFile(withShortPageIds(meta).meta));
  let page = 0;
  const ids = parts.map(({ meta: partMeta }) => new Map(partMeta.pages.map(([id]) => [id, shortPageId(page++)])));
  const entryOut = { ...entry, languages: { [language]: { ...entry.languages[language], hash: metaName, page_count: page } } };
  writeFileSync(join(target, 'pagefind-entry.json'), JSON.stringify(entryOut));
  return ids;
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
  let cache: SearchIndexCache | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
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
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages, parts, partsIndexed } = await writeSearchIndex(fileURLToPath(dir), { cache });
        logger.info(`search index: ${pages} pages in ${Math.round(performance.now() - started)} ms; ${partsIndexed} of ${parts} parts indexed, ${parts - partsIndexed} taken from the last build`);
      },
    },
  };
}

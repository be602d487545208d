/**
 * One part of the search index (src/lib/search-parts.ts): its pages read from the built site, handed to
 * a Pagefind process of its own, and written into a folder. Runs in the worker threads of
 * search-part-worker.ts, so that parts are indexed side by side, each with its own Pagefind process.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { layoutTokens, type TermLayout } from '../lib/search-layout.ts';
import { pagefindFileContent } from '../lib/pagefind-files.ts';
import { searchDocumentFromPage, searchRecordHtml, weightedTerms, type SearchDocument } from '../lib/search-records.ts';
import type { SearchText } from '../lib/search-text.ts';

/** How many pages may wait for Pagefind at once. */
const PAGES_IN_FLIGHT = 32;

/** In a part's folder: Pagefind's files, and what the search page shows of each of its pages. */
export const PART_INDEX = 'pagefind';
export const PART_DOCUMENTS = 'documents.json';

/** A page of a part, as PART_DOCUMENTS holds it. */
export type PartDocument = [url: string, date: string | null, json: string, fragment: string];

/** `/thong-bao/abc/index.html` → `/thong-bao/abc/` */
export const urlOf = (file: string) => `/${file.replace(/\\/g, '/').replace(/index\.html$/, '')}`;

/** The searchable part of a built page (searchDocumentFromPage), if it has one. */
export const searchableIn = (outDir: string, file: string) => searchDocumentFromPage(readFileSync(join(outDir, file), 'utf8'), urlOf(file));

/** What Pagefind is given for a page: its address, and its terms as laid out in every record. */
export const searchRecord = (doc: SearchDocument, layout: TermLayout) => ({ url: doc.url, content: searchRecordHtml(doc, layoutTokens(weightedTerms(doc), layout)) });

/** A page of a part being made: what the search page shows of it, and its fragment's name. */
interface MadePage {
  json: string;
  date?: string;
  fragment: string;
}

/**
 * Indexes the built pages `files` of `outDir` with a Pagefind process of its own, which it ends, so
 * freeing its memory. Writes the part into `dir`, with what the search page shows of each page
 * (PART_DOCUMENTS) last, so that only a whole part is ever taken from there; Pagefind's fragments,
 * once named, are removed. Returns what went wrong, if anything.
 */
export async function indexPart(outDir: string, files: readonly string[], layout: TermLayout, dir: string): Promise<string[]> {
  const made = new Map<string, MadePage>();
  const problems: string[] = [];
  rmSync(dir, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) return [`Pagefind could not start: ${errors.join('; ')}`];
  try {
    // Pages are handed over without waiting for each, so that Pagefind indexes some while the next are
    // read; but only a few at a time, or the waiting records fill the heap.
    const inFlight = new Set<Promise<void>>();
    for (const file of files) {
      const doc = searchableIn(outDir, file);
      if (!doc) continue;
      const added: Promise<void> = index
        .addHTMLFile(searchRecord(doc, layout))
        .then((result) => void problems.push(...result.errors.map((e) => `${file}: ${e}`)))
        .finally(() => inFlight.delete(added));
      inFlight.add(added);
      made.set(doc.url, { json: JSON.stringify(doc satisfies SearchText), date: doc.date, fragment: '' });
      if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (made.size > 0) problems.push(...(await index.writeFiles({ outputPath: join(dir, PART_INDEX) })).errors);
  } finally {
    await pagefind.close();
  }
  if (made.size === 0 || problems.length > 0) return problems;
  const fragments = join(dir, PART_INDEX, 'fragment');
  problems.push(...nameFragments(fragments, made));
  if (problems.length === 0) {
    const documents: PartDocument[] = [...made].map(([url, { json, date, fragment }]) => [url, date ?? null, json, fragment]);
    writeFileSync(join(dir, PART_DOCUMENTS), JSON.stringify(documents));
  }
  // Named, the fragments have served: what a result shows is the build's own file of it.
  await rm(fragments, { recursive: true, force: true });
  return problems;
}

/**
 * Gives each page of `made` the name of its fragment in `folder` (a fragment, a Pagefind file of JSON,
 * says its page's address). Returns what went wrong: a fragment that cannot be read or is of no page,
 * or a page left without one.
 */
function nameFragments(folder: string, made: Map<string, MadePage>): string[] {
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

/** What a worker of search-part-worker.ts is started with. */
export interface PartWorkerData {
  outDir: string;
  layout: TermLayout;
}

/** A part for a worker to index: the built pages, and the folder to write it into. */
export interface PartTask {
  files: string[];
  dir: string;
}

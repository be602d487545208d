/**
 * One part of the search index (src/lib/search-parts.ts): its pages read from the built site, their
 * records made (search-records.ts, search-layout.ts) and their postings written as Pagefind would
 * (src/lib/pagefind-postings.ts) into a folder, which src/lib/pagefind-merge.ts and writeSearchIndex
 * merge with the others. Runs in the worker threads of search-part-worker.ts, so that parts are made
 * side by side.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutTokens, type TermLayout } from '../lib/search-layout.ts';
import { partWordsCbor, recordLength } from '../lib/pagefind-postings.ts';
import { searchDocumentFromPage, searchFilters, weightedTerms, type SearchDocument } from '../lib/search-records.ts';
import type { SearchText } from '../lib/search-text.ts';

/** In a part's folder: its words (one index chunk of them all), and its pages. */
export const PART_WORDS = 'words.cbor';
export const PART_DOCUMENTS = 'documents.json';

/** A page of a part, as PART_DOCUMENTS holds it: what the search page shows of it, its record's length and its filters. */
export type PartDocument = [url: string, date: string | null, json: string, wordCount: number, filters: [name: string, value: string][]];

/** `/thong-bao/abc/index.html` → `/thong-bao/abc/` */
export const urlOf = (file: string) => `/${file.replace(/\\/g, '/').replace(/index\.html$/, '')}`;

/** The searchable part of a built page (searchDocumentFromPage), if it has one. */
export const searchableIn = (outDir: string, file: string) => searchDocumentFromPage(readFileSync(join(outDir, file), 'utf8'), urlOf(file));

/** A page's record: its terms, each with its weight, at their places in the layout. */
export const recordTokens = (doc: SearchDocument, layout: TermLayout) => layoutTokens(weightedTerms(doc), layout);

/**
 * Writes the part of the index made of `docs`, in this order, into `dir`: what the search page shows
 * of each (PART_DOCUMENTS) last, so that only a whole part is ever taken from there.
 */
export function writePart(docs: readonly SearchDocument[], layout: TermLayout, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const records = docs.map((doc) => recordTokens(doc, layout));
  writeFileSync(join(dir, PART_WORDS), partWordsCbor(records));
  const documents = docs.map((doc, n): PartDocument => [doc.url, doc.date ?? null, JSON.stringify(doc satisfies SearchText), recordLength(records[n].length), searchFilters(doc)]);
  writeFileSync(join(dir, PART_DOCUMENTS), JSON.stringify(documents));
}

/** Writes the part of the index made of the built pages `files` of `outDir` into `dir` (writePart). */
export function indexPart(outDir: string, files: readonly string[], layout: TermLayout, dir: string): void {
  writePart(
    files.flatMap((file) => searchableIn(outDir, file) ?? []),
    layout,
    dir,
  );
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

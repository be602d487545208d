/**
 * The postings of a part of the search index, made here as Pagefind 1.6 makes them from the site's
 * search records, without a Pagefind process: over 10,000 articles, Pagefind took 5–7 ms of processor
 * time a page to read records whose words the site had already chosen, weighed and placed
 * (search-records.ts, search-layout.ts), about half of the index step. What Pagefind does with such a
 * record is little, and is written down here (from its source, pagefind/src/fossick and
 * pagefind/src/index):
 * - each word of the record takes the next position, "-" too, which has no letter or digit and so is
 *   counted but not indexed; the page's word count is its number of positions;
 * - a word is indexed under its form without marks (NFD, marks removed); where that differs from the
 *   word, the page is listed under the word's variant (the form with marks) instead of under the word;
 * - a weight w of the record is stored as w × 24 (0 to 10, at least 1), written before the position
 *   as -(w × 24) - 1 where it differs from 25;
 * - a word's pages are in page order; its variants in the order they first appear, those first
 *   appearing on the same page in byte order;
 * - a filter value is its text with the white space at its ends removed and runs of it made one.
 * The words must be what Pagefind keeps of a word whole (letters and digits, lower case: search-text.ts
 * makes them so). The unit test indexes the same records with Pagefind and requires the same files.
 */
import { byCodePoints, writeChunk } from './pagefind-merge.ts';

/**
 * Returns `version`, a Pagefind version whose indexing this module was checked against (the unit test
 * compares the two); throws for another, which may index records otherwise, or read another index.
 */
export function checkedPagefindVersion(version: string): string {
  if (!/^1\.6\./.test(version)) {
    throw new Error(`Pagefind ${version}: the search index is written as Pagefind 1.6 writes it (src/lib/pagefind-postings.ts); compare the two with tests/unit/pagefind-merge.test.ts, then allow this version there`);
  }
  return version;
}

/** A page's words in order, each with its weight ("-" holds a place); see layoutTokens. */
export type RecordTokens = readonly (readonly [term: string, weight: number])[];

/** What holds a place in a record without being indexed: a common term the page lacks (search-layout.ts), or padding. */
export const PLACEHOLDER = '-';

/**
 * The length a record is given: its words, rounded up to a power of two. Pagefind keeps every page's
 * length in the metadata that each first search loads: at 10,000 pages, exact lengths took 24 KB of it
 * (compressed), a handful of distinct lengths take 3 KB.
 */
export const recordLength = (words: number) => 2 ** Math.ceil(Math.log2(Math.max(words, 1)));

/** Pagefind's stored weight for a record's weight. */
const storedWeight = (weight: number) => (weight <= 0 ? 0 : Math.max(1, Math.floor(Math.min(weight, 10) * 24)));

/** The weight Pagefind writes no marker for. */
const UNMARKED_WEIGHT = 25;

/** A word's form without marks, as Pagefind indexes it. */
const unmarked = (word: string) => (/^[\x00-\x7f]*$/.test(word) ? word : word.normalize('NFD').replace(/\p{M}/gu, ''));

/** A page a word is on: its number in the part, the word's stored weight and position there. */
type Posting = [page: number, weight: number, position: number];

interface WordPostings {
  pages: Posting[];
  variants: Map<string, Posting[]>;
}

/**
 * The words of the records `pages` (in the order the part numbers them), as one Pagefind index chunk
 * holding them all, in byte order: what src/lib/pagefind-merge.ts reads from a part.
 */
export function partWordsCbor(pages: readonly RecordTokens[]): Buffer {
  const words = new Map<string, WordPostings>();
  pages.forEach((tokens, page) => {
    const newVariants: [word: WordPostings, form: string, posting: Posting][] = [];
    tokens.forEach(([term, weight], position) => {
      if (term === PLACEHOLDER) return;
      const word = unmarked(term);
      let postings = words.get(word);
      if (!postings) words.set(word, (postings = { pages: [], variants: new Map() }));
      const posting: Posting = [page, storedWeight(weight), position];
      if (word === term) postings.pages.push(posting);
      else if (postings.variants.has(term)) postings.variants.get(term)!.push(posting);
      else newVariants.push([postings, term, posting]);
    });
    // A page's new variants are added in byte order: Pagefind groups a page's variants in a sorted map.
    newVariants.sort(([, a], [, b]) => byCodePoints(a, b));
    for (const [postings, form, posting] of newVariants) {
      const known = postings.variants.get(form);
      if (known) known.push(posting);
      else postings.variants.set(form, [posting]);
    }
  });
  const sorted = [...words.keys()].sort(byCodePoints).map((word) => ({ word, pages: words.get(word)!.pages, variants: [...words.get(word)!.variants] }));
  return writeChunk(sorted, (out, postings: Posting[]) => {
    out.head(4, postings.length);
    let last = 0;
    for (const [page, weight, position] of postings) {
      out.head(4, 3).head(0, page - last);
      if (weight === UNMARKED_WEIGHT) out.head(4, 1).head(0, position);
      else out.head(4, 2).integer(-weight - 1).head(0, position);
      out.head(4, 0);
      last = page;
    }
  });
}

/** A filter value as Pagefind keeps it: white space at its ends removed, runs of it made one space. */
export function filterValue(text: string): string {
  return text
    .replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '')
    .replace(/(?:\n|\r\n)+/g, ' ')
    .replace(/\p{White_Space}{2,}/gu, ' ');
}

/**
 * The filters of the pages of the index (each page's [name, value] pairs, in the order the index numbers
 * them) as Pagefind writes them: [name, [value, pages][]][], names and values in byte order.
 */
export function indexFilters(pages: readonly (readonly [name: string, value: string][])[]): [string, [string, number[]][]][] {
  const byName = new Map<string, Map<string, number[]>>();
  pages.forEach((filters, page) => {
    for (const [name, value] of filters) {
      const values = byName.get(name) ?? byName.set(name, new Map()).get(name)!;
      const normalised = filterValue(value);
      (values.get(normalised) ?? values.set(normalised, []).get(normalised)!).push(page);
    }
  });
  return [...byName].sort(([a], [b]) => byCodePoints(a, b)).map(([name, values]) => [name, [...values].sort(([a], [b]) => byCodePoints(a, b))]);
}

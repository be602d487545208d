/**
 * One Pagefind index from the words of consecutive parts of the pages (each part's words one index
 * chunk, pagefind-postings.ts): the index Pagefind itself would write for all the pages, given in the
 * same order, in one run. A part is made again only when its pages change (search-parts.ts).
 *
 * It relies on what Pagefind 1.6 writes (read from its files, and from its source: pagefind/src/index):
 * - a page's postings (the word's positions and weights on that page) do not depend on the other pages;
 *   pages are numbered in the order they were given, from 0;
 * - the metadata is [version, pages [id, word count, group], chunks [from, to, file], filters
 *   [name, file], sorts, metadata fields];
 * - an index chunk is [words], each word [word, pages, variants], each page [page number as the
 *   difference from the word's page before, positions, metadata positions], each variant (the word as
 *   written with its marks) [form, pages]; words in UTF-8 byte order, and a chunk closes once its
 *   positions and pages reach the chunk size;
 * - a filter is [name, [value, page numbers][]], values in byte order, filters in the metadata by name;
 * - files are named by the SHA-1 of their CBOR.
 * The unit test checks the whole against Pagefind's own single run; the merge throws on any other form.
 */
import { createHash } from 'node:crypto';
import { CborWriter, type Cbor } from './pagefind-files.ts';

/**
 * A word's postings from one part, kept as the CBOR of the part: only the first page number changes
 * in the merge (the others are differences from the page before), so the rest is copied as it is.
 * Decoding the postings into arrays took 38 s and 800 MB at 10,000 pages.
 */
export interface PostingRun {
  count: number;
  /** The first and last page, numbered in the whole index */
  first: number;
  last: number;
  /** The bytes after the first page number: its positions, then the other postings */
  tail: Uint8Array;
  /** What the postings count towards a chunk's size: their positions and metadata positions, plus one each */
  size: number;
}

/** A word of the index: its postings, and those of each variant (the word as written with marks). */
export interface IndexWord {
  word: string;
  pages: PostingRun[];
  variants: [form: string, runs: PostingRun[]][];
}

export interface PagefindMeta {
  version: string;
  /** Each page's file id and word count */
  pages: [id: string, wordCount: number][];
  /** Each chunk's first and last word, as Pagefind trims them, and its file */
  chunks: [from: string, to: string, file: string][];
  /** Each filter's name and file */
  filters: [name: string, file: string][];
}

const UNKNOWN_FORM = 'not in the form that Pagefind 1.6 writes and src/lib/pagefind-merge.ts knows';

/** Pagefind's chunk size: the positions and pages a chunk holds before it closes. Pagefind reads the same variable. */
export const chunkSize = () => Number(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE) || 20_000;

/** Reads Pagefind's metadata; throws on anything this merge does not know (sorts, metadata fields, fragment groups). */
export function readMeta(meta: Cbor): PagefindMeta {
  const [version, pages, chunks, filters, sorts, fields] = Array.isArray(meta) ? meta : [];
  const isList = (v: Cbor | undefined, length: number): v is Cbor[][] => Array.isArray(v) && v.every((item) => Array.isArray(item) && item.length === length);
  if (
    typeof version !== 'string' ||
    !version.startsWith('1.') ||
    (meta as Cbor[]).length !== 6 ||
    !isList(pages, 3) ||
    !pages.every(([id, count, group]) => typeof id === 'string' && typeof count === 'number' && group === '') ||
    !isList(chunks, 3) ||
    !isList(filters, 2) ||
    !Array.isArray(sorts) ||
    sorts.length > 0 ||
    !Array.isArray(fields) ||
    fields.length > 0
  ) {
    throw new Error(`Pagefind metadata ${UNKNOWN_FORM}`);
  }
  return {
    version,
    pages: pages.map(([id, count]) => [id as string, count as number]),
    chunks: chunks as PagefindMeta['chunks'],
    filters: filters as PagefindMeta['filters'],
  };
}

/** Pagefind's metadata as it writes it. */
export const metaCbor = (meta: PagefindMeta): Cbor => [meta.version, meta.pages.map(([id, count]) => [id, count, '']), meta.chunks, meta.filters, [], []];

/** Compares as UTF-8 bytes do (Rust's order of strings): by code point, where UTF-16 code units differ above U+FFFF. */
export function byCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const astralX = x >= 0xd800 && x <= 0xdfff;
    const astralY = y >= 0xd800 && y <= 0xdfff;
    if (astralX !== astralY) return astralX ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Reads the CBOR Pagefind writes (definite lengths; integers, text and arrays) without decoding it into values. */
class CborReader {
  at = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  /** An item's major type and argument. */
  head(): [major: number, value: number] {
    if (this.at >= this.bytes.length) throw new Error(`Pagefind index chunk ${UNKNOWN_FORM}: cut short`);
    const initial = this.bytes[this.at++];
    const info = initial & 31;
    if (info > 27) throw new Error(`Pagefind index chunk ${UNKNOWN_FORM}`);
    let value = info;
    if (info >= 24) {
      const size = 2 ** (info - 24);
      if (this.at + size > this.bytes.length) throw new Error(`Pagefind index chunk ${UNKNOWN_FORM}: cut short`);
      value = 0;
      for (let i = 0; i < size; i++) value = value * 256 + this.bytes[this.at++];
    }
    return [initial >> 5, value];
  }
  expect(major: number): number {
    const [found, value] = this.head();
    if (found !== major) throw new Error(`Pagefind index chunk ${UNKNOWN_FORM}`);
    return value;
  }
  text(): string {
    const length = this.expect(3);
    if (this.at + length > this.bytes.length) throw new Error(`Pagefind index chunk ${UNKNOWN_FORM}: cut short`);
    this.at += length;
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.at - length, length).toString('utf8');
  }
  /** Skips an array of integers, giving its length. */
  integers(): number {
    const length = this.expect(4);
    for (let i = 0; i < length; i++) {
      const major = this.head()[0];
      if (major > 1) throw new Error(`Pagefind index chunk ${UNKNOWN_FORM}`);
    }
    return length;
  }
  /** A list of postings, its page numbers offset by `offset`. */
  run(offset: number): PostingRun {
    const count = this.expect(4);
    let page = offset;
    let first = offset;
    let start = this.at;
    let size = 0;
    for (let i = 0; i < count; i++) {
      if (this.expect(4) !== 3) throw new Error(`Pagefind index chunk ${UNKNOWN_FORM}`);
      page += this.expect(0);
      if (i === 0) [first, start] = [page, this.at];
      size += this.integers() + this.integers() + 1;
    }
    return { count, first, last: page, tail: this.bytes.subarray(start, this.at), size };
  }
}

/** The words of one index chunk (its CBOR), page numbers offset by `offset`, read as they are taken. */
export function* chunkWords(chunk: Uint8Array, offset: number): Generator<IndexWord> {
  const reader = new CborReader(chunk);
  if (reader.expect(4) !== 1) throw new Error(`Pagefind index chunk ${UNKNOWN_FORM}`);
  const count = reader.expect(4);
  for (let i = 0; i < count; i++) {
    if (reader.expect(4) !== 3) throw new Error(`Pagefind index chunk ${UNKNOWN_FORM}`);
    const word = reader.text();
    const pages = [reader.run(offset)];
    const variants = Array.from({ length: reader.expect(4) }, (): [string, PostingRun[]] => {
      if (reader.expect(4) !== 2) throw new Error(`Pagefind index chunk ${UNKNOWN_FORM}`);
      return [reader.text(), [reader.run(offset)]];
    });
    yield { word, pages, variants };
  }
  if (reader.at !== chunk.length) throw new Error(`Pagefind index chunk ${UNKNOWN_FORM}`);
}

/**
 * The words of every part in order, each once: a word several parts hold gets their postings in part
 * order, and its variants in the order they first appear. `parts` give their words in byte order, as
 * their chunks hold them, with page numbers already offset.
 */
export function* mergedWords(parts: Iterable<IndexWord>[]): Generator<IndexWord> {
  const cursors = parts.map((words) => words[Symbol.iterator]());
  const heads = cursors.map((cursor) => cursor.next());
  for (;;) {
    let first: string | undefined;
    for (const head of heads) if (!head.done && (first === undefined || byCodePoints(head.value.word, first) < 0)) first = head.value.word;
    if (first === undefined) return;
    const merged: IndexWord = { word: first, pages: [], variants: [] };
    heads.forEach((head, i) => {
      if (head.done || head.value.word !== first) return;
      merged.pages.push(...head.value.pages);
      for (const [form, runs] of head.value.variants) {
        const known = merged.variants.find(([existing]) => existing === form);
        if (known) known[1].push(...runs);
        else merged.variants.push([form, [...runs]]);
      }
      heads[i] = cursors[i].next();
    });
    yield merged;
  }
}

const runsSize = (runs: PostingRun[]) => runs.reduce((sum, run) => sum + run.size, 0);

/** The words in chunks as Pagefind cuts them: a chunk closes once its positions and pages reach `size`. */
export function* indexChunks(words: Iterable<IndexWord>, size = chunkSize()): Generator<IndexWord[]> {
  let chunk: IndexWord[] = [];
  let filled = 0;
  for (const word of words) {
    filled += runsSize(word.pages) + word.variants.reduce((sum, [, runs]) => sum + runsSize(runs), 0) + word.variants.length;
    chunk.push(word);
    if (filled >= size) {
      yield chunk;
      chunk = [];
      filled = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** A word of an index chunk, with its pages and its variants' pages in any form `writePages` writes. */
export interface ChunkWord<Pages> {
  word: string;
  pages: Pages;
  variants: readonly (readonly [form: string, pages: Pages])[];
}

/** An index chunk's CBOR as Pagefind writes it: [[word, pages, [form, pages][]][]], each list of pages by `writePages`. */
export function writeChunk<Pages>(words: readonly ChunkWord<Pages>[], writePages: (out: CborWriter, pages: Pages) => void): Buffer {
  const out = new CborWriter();
  out.head(4, 1).head(4, words.length);
  for (const { word, pages, variants } of words) {
    out.head(4, 3).text(word);
    writePages(out, pages);
    out.head(4, variants.length);
    for (const [form, list] of variants) {
      out.head(4, 2).text(form);
      writePages(out, list);
    }
  }
  return out.result();
}

/** An index chunk's CBOR as Pagefind writes it: each word's page numbers as differences from the one before. */
export const chunkCbor = (words: IndexWord[]): Buffer =>
  writeChunk(words, (out, runs: PostingRun[]) => {
    out.head(4, runs.reduce((sum, run) => sum + run.count, 0));
    let last = 0;
    for (const run of runs) {
      if (run.count === 0) continue;
      out.head(4, 3).head(0, run.first - last).raw(run.tail);
      last = run.last;
    }
  });

/**
 * The first and last word of each chunk as Pagefind writes them in the metadata: cut to the shortest
 * prefixes that still tell a chunk from the next.
 */
export function chunkRanges(bounds: [first: string, last: string][]): [from: string, to: string][] {
  const ranges = bounds.map(([first, last]): [string, string] => [first, last]);
  for (let i = 0; i + 1 < ranges.length; i++) {
    const a = [...ranges[i][1]];
    const b = [...ranges[i + 1][0]];
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const to = a.slice(0, common + 1).join('');
    // Only cut `to` where it stays at or after the chunk's `from`.
    if (byCodePoints(to, ranges[i][0]) >= 0) ranges[i][1] = to;
    ranges[i + 1][0] = b.slice(0, common + 1).join('');
  }
  return ranges;
}

/** SHA-1 as Pagefind writes it: each byte in hexadecimal without its leading zero. */
const pagefindSha1 = (content: Buffer) => [...createHash('sha1').update(content).digest()].map((byte) => byte.toString(16)).join('');

/**
 * Names files as Pagefind does: the language and the start of their content's hash (seven digits for an
 * index chunk or a filter, ten for the metadata), longer when a name is taken.
 */
export function fileNamer(language: string) {
  const taken = new Set<string>();
  return (content: Buffer, digits = 7): string => {
    const full = `${language}_${pagefindSha1(content)}`;
    let length = language.length + 1 + digits;
    while (taken.has(full.slice(0, length)) && length < full.length) length++;
    taken.add(full.slice(0, length));
    return full.slice(0, length);
  };
}

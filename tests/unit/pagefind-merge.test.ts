import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeSearchParts, pagefindRuntime } from '../../src/integrations/search-index';
import { PART_DOCUMENTS, writePart, type PartDocument } from '../../src/integrations/search-part';
import { decodePagefindFile, pagefindFileContent, shortPageId, type Cbor } from '../../src/lib/pagefind-files';
import { byCodePoints, chunkRanges, indexChunks, type IndexWord } from '../../src/lib/pagefind-merge';
import { checkedPagefindVersion } from '../../src/lib/pagefind-postings';
import { termLayout } from '../../src/lib/search-layout';
import { weightedTerms } from '../../src/lib/search-records';
import { pagefindIndex, searchDocuments } from '../support/search-pages';

const content = (file: string) => pagefindFileContent(readFileSync(file));

/**
 * The index the site writes without Pagefind's indexer (pagefind-postings.ts, in parts, merged) must be
 * the index Pagefind writes in one run over the same records, file for file: real Pagefind is the judge.
 */
describe('the site\'s index in parts (writePart, mergeSearchParts) against one Pagefind run', () => {
  const work = mkdtempSync(join(tmpdir(), 'pagefind-merge-'));
  // Both tone-mark styles, đ, document numbers; and what Pagefind might read otherwise: marks on
  // letters that have no composed form, marks alone, other scripts, spaces in a label.
  const docs = [
    ...searchDocuments(45),
    { url: '/bai-viet/la/', type: 'Bài viết', title: 'Chữ lạ x\u0301 q\u0323 ǅ Σίσυφος İstanbul ﬁ ½ ²', text: 'Nước Việt Nam \u0301 a\u0300\u0301 ٣٤ 東京 ㎏ x\u0301y. Hoà hòa.', category: '  Tin   hoạt\ndộng  ', kind: 'Kế hoạch' },
  ];
  const layout = termLayout(docs.map((doc) => weightedTerms(doc).map(([term]) => term)));
  const chunkSizeBefore = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  let whole = '';
  let merged = '';

  beforeAll(async () => {
    // Small chunks, read by Pagefind and the merge alike, so that words cross many chunk boundaries.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '400';
    whole = await pagefindIndex(docs, layout, join(work, 'whole'));
    const slices = [docs.slice(0, 10), docs.slice(10, 31), docs.slice(31)];
    const parts = slices.map((part, n) => {
      const dir = join(work, `part-${n}`);
      writePart(part, layout, dir);
      return { dir, pages: (JSON.parse(readFileSync(join(dir, PART_DOCUMENTS), 'utf8')) as PartDocument[]).map(([, , , wordCount, filters]) => ({ wordCount, filters })) };
    });
    merged = join(work, 'merged');
    await mergeSearchParts(parts, await pagefindRuntime(join(work, 'runtime')), merged);
  }, 60_000);

  afterAll(() => {
    if (chunkSizeBefore === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunkSizeBefore;
    rmSync(work, { recursive: true, force: true });
  });

  it('gives the index chunks and filters of one Pagefind run over all the pages, file for file', () => {
    for (const folder of ['index', 'filter']) {
      const names = readdirSync(join(whole, folder)).sort();
      expect(readdirSync(join(merged, folder)).sort()).toEqual(names);
      for (const name of names) expect(content(join(merged, folder, name)).equals(content(join(whole, folder, name))), `${folder}/${name}`).toBe(true);
    }
    expect(readdirSync(join(whole, 'index')).length).toBeGreaterThan(10);
    expect(readdirSync(join(whole, 'filter'))).toHaveLength(4);
  });

  it('gives the same metadata and entry, but with short page ids; no fragments', () => {
    const entry = JSON.parse(readFileSync(join(whole, 'pagefind-entry.json'), 'utf8'));
    const mergedEntry = JSON.parse(readFileSync(join(merged, 'pagefind-entry.json'), 'utf8'));
    expect({ ...mergedEntry, languages: { vi: { ...mergedEntry.languages.vi, hash: 'any' } } }).toEqual({ ...entry, languages: { vi: { ...entry.languages.vi, hash: 'any' } } });
    expect(entry.languages.vi.page_count).toBe(docs.length);
    const [version, pages, ...rest] = decodePagefindFile(readFileSync(join(whole, `pagefind.${entry.languages.vi.hash}.pf_meta`))) as Cbor[];
    const shortIds = (pages as Cbor[][]).map(([, ...page], n) => [shortPageId(n), ...page]);
    expect(decodePagefindFile(readFileSync(join(merged, `pagefind.${mergedEntry.languages.vi.hash}.pf_meta`)))).toEqual([version, shortIds, ...rest]);
    expect(existsSync(join(merged, 'fragment'))).toBe(false);
  });

  it('copies Pagefind’s scripts but not its ready-made interfaces', () => {
    const files = readdirSync(merged);
    expect(files).toContain('pagefind.js');
    expect(files).toContain('pagefind-worker.js');
    expect(files.filter((name) => name.startsWith('pagefind-ui') || name.startsWith('pagefind-highlight'))).toEqual([]);
  });
});

describe('the rules the merge shares with Pagefind', () => {
  it('are those of the Pagefind version they were checked against: another stops the build', () => {
    expect(checkedPagefindVersion('1.6.0')).toBe('1.6.0');
    expect(() => checkedPagefindVersion('1.7.0')).toThrow(/Pagefind 1\.7\.0: .*Pagefind 1\.6/);
  });

  it('orders words as UTF-8 bytes do', () => {
    expect(['z', 'đ', 'a', '𝐀', '\uffff'].sort(byCodePoints)).toEqual(['a', 'z', 'đ', '\uffff', '𝐀']);
  });

  it('cuts chunks by positions and pages, and names their ranges by the shortest telling prefixes', () => {
    // Pagefind's own example: a word counts each page's positions, plus one for the page.
    const word = (text: string, ...positions: number[]): IndexWord => ({ word: text, pages: positions.map((n) => ({ count: 1, first: 0, last: 0, tail: new Uint8Array(), size: n + 1 })), variants: [] });
    const words = [word('apple', 3, 3), word('apricot', 3), word('banana', 4), word('peach', 3)];
    const chunks = [...indexChunks(words, 8)].map((chunk) => chunk.map(({ word: text }) => text));
    expect(chunks).toEqual([['apple'], ['apricot', 'banana'], ['peach']]);
    expect(chunkRanges([['apple', 'apple'], ['apricot', 'banana'], ['peach', 'peach']])).toEqual([['apple', 'apple'], ['apr', 'b'], ['p', 'peach']]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeSearchParts } from '../../src/integrations/search-index';
import { decodePagefindFile, pagefindFileContent, shortPageId, withShortPageIds } from '../../src/lib/pagefind-files';
import { byCodePoints, chunkRanges, indexChunks, type IndexWord } from '../../src/lib/pagefind-merge';
import { termLayout } from '../../src/lib/search-layout';
import { weightedTerms } from '../../src/lib/search-records';
import { pagefindIndex, searchDocuments } from '../support/search-pages';

const content = (file: string) => pagefindFileContent(readFileSync(file));

describe('merging Pagefind indexes of consecutive parts (mergeSearchParts)', () => {
  const work = mkdtempSync(join(tmpdir(), 'pagefind-merge-'));
  const docs = searchDocuments(45);
  const layout = termLayout(docs.map((doc) => weightedTerms(doc).map(([term]) => term)));
  const chunkSizeBefore = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  let whole = '';
  let merged = '';
  let ids: Map<string, string>[] = [];

  beforeAll(async () => {
    // Small chunks, read by Pagefind and the merge alike, so that words cross many chunk boundaries.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '400';
    whole = await pagefindIndex(docs, layout, join(work, 'whole'));
    const parts = [await pagefindIndex(docs.slice(0, 10), layout, join(work, 'a')), await pagefindIndex(docs.slice(10, 31), layout, join(work, 'b')), await pagefindIndex(docs.slice(31), layout, join(work, 'c'))];
    merged = join(work, 'merged');
    ids = await mergeSearchParts(parts, merged);
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
  });

  it('gives the same metadata and entry, with short page ids, and tells each page of each part its short id; no fragments', () => {
    const entry = JSON.parse(readFileSync(join(whole, 'pagefind-entry.json'), 'utf8'));
    expect(JSON.parse(readFileSync(join(merged, 'pagefind-entry.json'), 'utf8'))).toEqual(entry);
    const metaFile = `pagefind.${entry.languages.vi.hash}.pf_meta`;
    const wholeMeta = decodePagefindFile(readFileSync(join(whole, metaFile)));
    const { meta, replaced } = withShortPageIds(wholeMeta);
    expect(decodePagefindFile(readFileSync(join(merged, metaFile)))).toEqual(meta);
    expect(replaced).toHaveLength(docs.length);
    expect(ids.flatMap((part) => [...part])).toEqual(replaced.map((id, n) => [id, shortPageId(n)]));
    expect(existsSync(join(merged, 'fragment'))).toBe(false);
  });

  it('copies Pagefind’s scripts but not its ready-made interfaces', () => {
    const files = readdirSync(merged);
    expect(files).toContain('pagefind.js');
    expect(files.filter((name) => name.startsWith('pagefind-ui') || name.startsWith('pagefind-highlight'))).toEqual([]);
  });
});

describe('the rules the merge shares with Pagefind', () => {
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

/**
 * The search index kept between builds in parts (writeSearchIndex with a cache): a rebuild indexes
 * again only the parts whose pages changed, and must write, byte for byte, the index and search texts
 * a build without the cache writes. Real Pagefind, over generated pages, in parts of about 4 pages.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtPages, recordLayout, writeSearchIndex, type SearchIndexCache } from '../../src/integrations/search-index';
import { searchableIn } from '../../src/integrations/search-part';
import { decodePagefindFile, pagefindFileContent, shortPageId, type Cbor } from '../../src/lib/pagefind-files';
import { searchTextPath } from '../../src/lib/search-text';
import { pagefindIndex, searchDocuments, writeSearchablePage } from '../support/search-pages';

const PART_PAGES = 4;
const work = mkdtempSync(join(tmpdir(), 'search-index-cache-'));
const site = join(work, 'site');
const cache: SearchIndexCache = { dir: join(work, 'cache'), version: 'code-1' };
const store = join(cache.dir, 'search-index', 'parts');
const keptFiles = join(cache.dir, 'search-index', 'files');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const docs = searchDocuments(60);
for (const doc of docs) writeSearchablePage(site, doc);

/** Every file the index step writes, by path, with its bytes. */
function indexFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const folder of ['pagefind', 'tim-kiem/noi-dung']) {
    for (const name of readdirSync(join(dir, folder), { recursive: true, encoding: 'utf8' }).sort()) {
      if (name.includes('.')) files.set(`${folder}/${name}`, readFileSync(join(dir, folder, name)));
    }
  }
  return files;
}

/** What the index step writes for the site as it is now, without a cache, in a copy of it. */
async function withoutCache(): Promise<Map<string, Buffer>> {
  const copy = mkdtempSync(join(work, 'plain-'));
  cpSync(site, copy, { recursive: true });
  await writeSearchIndex(copy, { partPages: PART_PAGES });
  return indexFiles(copy);
}

const indexWithCache = (kept: SearchIndexCache = cache) => writeSearchIndex(site, { cache: kept, partPages: PART_PAGES });

/**
 * Each page's search text is filed under its page's short id: the id of its place in the index that one
 * Pagefind run over every page writes, whose fragment says the page's address (the merged index has the
 * same pages in the same places, and no fragments).
 */
async function expectTextsUnderTheirPagesIds() {
  const pages = builtPages(site);
  const whole = await pagefindIndex(
    pages.flatMap((file) => searchableIn(site, file) ?? []),
    recordLayout(site, pages),
    mkdtempSync(join(work, 'whole-')),
  );
  const entry = JSON.parse(readFileSync(join(whole, 'pagefind-entry.json'), 'utf8'));
  const replaced = ((decodePagefindFile(readFileSync(join(whole, `pagefind.${entry.languages.vi.hash}.pf_meta`))) as Cbor[])[1] as Cbor[][]).map(([id]) => id as string);
  const texts = readdirSync(join(site, 'tim-kiem/noi-dung')).filter((name) => name !== 'moi-nhat.json');
  expect(texts.length).toBe(replaced.length);
  replaced.forEach((id, n) => {
    const fragment = JSON.parse(pagefindFileContent(readFileSync(join(whole, 'fragment', `${id}.pf_fragment`))).toString('utf8'));
    expect(JSON.parse(readFileSync(join(site, searchTextPath(shortPageId(n))), 'utf8')).url, shortPageId(n)).toBe(fragment.url);
  });
}

function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>) {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [path, bytes] of expected) expect(actual.get(path)!.equals(bytes), path).toBe(true);
}

/** Appends a sentence of words no other page holds: the layout of the records stays as it was. */
function editPage(n: number, words: string) {
  writeSearchablePage(site, { ...docs[n], text: `${docs[n].text} ${words}` });
}

describe('the search index kept in parts between builds', () => {
  it('indexes every part the first time, and writes what a build without the cache writes', async () => {
    const expected = await withoutCache();
    const first = await indexWithCache();
    expect(first.pages).toBe(60);
    expect(first.parts).toBeGreaterThan(5);
    expect(first.partsIndexed).toBe(first.parts);
    expectSameFiles(indexFiles(site), expected);
    expect(readdirSync(store)).toHaveLength(first.parts);
    await expectTextsUnderTheirPagesIds();
    // Pagefind's files, and nothing the build keeps for itself.
    expect(readdirSync(join(site, 'pagefind')).filter((name) => !/^(pagefind[.-]|wasm\.|index$|filter$)/.test(name))).toEqual([]);
  }, 60_000);

  it('takes every part from the cache when no page changed, and every compressed chunk and filter, with the same output', async () => {
    const expected = indexFiles(site);
    const again = await indexWithCache();
    expect(again.partsIndexed).toBe(0);
    expectSameFiles(indexFiles(site), expected);
    const compressed = ['index', 'filter'].flatMap((folder) => readdirSync(join(site, 'pagefind', folder)).map((name) => join(site, 'pagefind', folder, name)));
    expect(readdirSync(keptFiles).sort()).toEqual(compressed.map((file) => basename(file)).sort());
    for (const file of compressed) expect(statSync(file).ino, file).toBe(statSync(join(keptFiles, basename(file))).ino);
  }, 60_000);

  it('indexes again only the part of an edited page, and the result is a clean index of the edited site', async () => {
    const layout = recordLayout(site, builtPages(site));
    editPage(17, 'Xyzzyplugh quuxbaz.');
    expect(recordLayout(site, builtPages(site))).toEqual(layout);
    const edited = await indexWithCache();
    expect(edited.partsIndexed).toBe(1);
    expectSameFiles(indexFiles(site), await withoutCache());
    const text = JSON.parse(readFileSync(join(site, 'tim-kiem/noi-dung', readdirSync(join(site, 'tim-kiem/noi-dung')).find((name) => readFileSync(join(site, 'tim-kiem/noi-dung', name), 'utf8').includes('Xyzzyplugh'))!), 'utf8'));
    expect(text.url).toBe(docs[17].url);
  }, 60_000);

  it('indexes again at most the part a new page joins and the part after it, and forgets parts of no page', async () => {
    writeSearchablePage(site, { ...docs[30], url: '/bai-viet/trang-030-moi/', title: 'Plughxyzzy', text: 'Quuxbaz plughxyzzy.' });
    const added = await indexWithCache();
    expect(added.pages).toBe(61);
    expect(added.partsIndexed).toBeGreaterThanOrEqual(1);
    expect(added.partsIndexed).toBeLessThanOrEqual(2);
    expectSameFiles(indexFiles(site), await withoutCache());
    expect(readdirSync(store)).toHaveLength(added.parts);
    await expectTextsUnderTheirPagesIds();
    expect(readdirSync(keptFiles).length).toBe(readdirSync(join(site, 'pagefind/index')).length + readdirSync(join(site, 'pagefind/filter')).length);
  }, 60_000);

  it('indexes a part again when its folder lacks what the search page shows (a build stopped while writing it)', async () => {
    const expected = indexFiles(site);
    const [part] = readdirSync(store);
    rmSync(join(store, part, 'documents.json'));
    expect((await indexWithCache()).partsIndexed).toBe(1);
    expectSameFiles(indexFiles(site), expected);
  }, 60_000);

  it('takes the layout from the cache while the sampled pages are as they were, and learns it again when one changes', async () => {
    const layoutFile = join(cache.dir, 'search-index', 'layout.json');
    const kept = JSON.parse(readFileSync(layoutFile, 'utf8'));
    expect(kept.terms).toEqual([...recordLayout(site, builtPages(site)).place.keys()]);
    // A layout that was not learnt from these pages, under their key: taken as it is, it changes the index.
    writeFileSync(layoutFile, JSON.stringify({ ...kept, terms: [...kept.terms].reverse() }));
    await indexWithCache();
    const expected = await withoutCache();
    expect([...indexFiles(site)].some(([path, bytes]) => !expected.get(path)?.equals(bytes))).toBe(true);
    // Every page of so small a site is sampled: an edit to any is a new sample, whose layout is learnt.
    editPage(5, 'Quuxbaz xyzzy.');
    await indexWithCache();
    expectSameFiles(indexFiles(site), await withoutCache());
    expect(JSON.parse(readFileSync(layoutFile, 'utf8')).terms).toEqual(kept.terms);
  }, 60_000);

  it('empties the cache kept by other code, and takes nothing from it', async () => {
    const [part] = readdirSync(store);
    writeFileSync(join(store, part, 'left-by-other-code'), '');
    const other = await indexWithCache({ ...cache, version: 'code-2' });
    expect(other.partsIndexed).toBe(other.parts);
    expect(existsSync(join(store, part, 'left-by-other-code'))).toBe(false);
    expect(readFileSync(join(cache.dir, 'search-index/version'), 'utf8')).toBe('code-2');
    const [chunk] = readdirSync(join(site, 'pagefind/index'));
    expect(statSync(join(site, 'pagefind/index', chunk)).nlink).toBe(2);
  }, 60_000);
});

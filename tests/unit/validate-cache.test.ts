/**
 * validateContent with a cache (the build's): what each entry file says by itself is kept by the
 * digest of its text, so a run after one edit reads through only that file, and the result must be,
 * problem for problem, what a run without the cache gives. Real files, in copies of the test corpus.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent, validateContentWithStats, type ValidationCache } from '../../src/lib/validate';
import { projectRoot } from '../support/astro-build';

const fixtures = join(projectRoot, 'tests/fixtures');
const work = mkdtempSync(join(tmpdir(), 'validate-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** After every date of the good corpus but its scheduled entries (2099). */
const NOW = new Date('2026-01-01T00:00:00Z');
const ENTRY_FILES = 7;

let corpora = 0;
/** A fresh copy of the good corpus, and a cache file for it in a folder not made yet. */
function setUp(): { root: string; cache: ValidationCache } {
  const dir = join(work, `case-${++corpora}`);
  const root = join(dir, 'content');
  cpSync(join(fixtures, 'base-content'), root, { recursive: true });
  return { root, cache: { file: join(dir, 'cache', 'validation', 'content-checks.json'), version: 'code-1' } };
}

/** Runs with the cache, checks the problems are those of a run without it, and says how many files were checked anew. */
function cachedRun(root: string, cache: ValidationCache, now = NOW, cwd = work) {
  const result = validateContentWithStats({ root, now, cwd, cache });
  expect(result.problems).toEqual(validateContent({ root, now, cwd }));
  return result;
}

const keptFiles = (cache: ValidationCache) => Object.keys(JSON.parse(readFileSync(cache.file, 'utf8')).entries).sort();

const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));

describe('validateContent with a cache', () => {
  it('finds on a first run what a run without it finds, and keeps a check for every entry file', () => {
    const { root, cache } = setUp();
    edit(join(root, 'articles/2025/bai-mau.mdx'), (text) => `${text}\n<iframe src="https://example.com" />\n`);
    const first = cachedRun(root, cache);
    expect(first.problems.map((p) => p.message).join('\n')).toContain('iframe');
    expect(first).toMatchObject({ entryFiles: ENTRY_FILES, checkedFiles: ENTRY_FILES });
    const kept = JSON.parse(readFileSync(cache.file, 'utf8'));
    expect(kept.version).toBe(cache.version);
    expect(Object.keys(kept.entries)).toHaveLength(ENTRY_FILES);
    expect(readdirSync(join(cache.file, '..'))).toEqual(['content-checks.json']);
  });

  it('checks no file again when none changed, and finds the same', () => {
    const { root, cache } = setUp();
    const first = cachedRun(root, cache);
    const written = statSync(cache.file).mtimeMs;
    const second = cachedRun(root, cache);
    expect(second).toEqual({ ...first, checkedFiles: 0 });
    // Paths in messages are made at each run: the same kept checks, seen from another folder
    expect(cachedRun(root, cache, NOW, root).checkedFiles).toBe(0);
    expect(statSync(cache.file).mtimeMs).toBe(written);
  });

  it('checks again only an edited file, and finds its new problem', () => {
    const { root, cache } = setUp();
    cachedRun(root, cache);
    edit(join(root, 'notices/2025/thong-bao-mau.mdx'), (text) => text.replace(/^title:.*\n/m, ''));
    const after = cachedRun(root, cache);
    expect(after.checkedFiles).toBe(1);
    expect(after.problems).toEqual([expect.objectContaining({ file: expect.stringContaining('thong-bao-mau.mdx'), message: expect.stringContaining('tiêu đề') })]);
    expect(cachedRun(root, cache).checkedFiles).toBe(0);
  });

  it('decides again at each run whether an entry is published: a link to a scheduled entry is broken until its date', () => {
    const { root, cache } = setUp();
    edit(join(root, 'articles/2025/bai-mau.mdx'), (text) => `${text}\n[Sắp đăng](/bai-viet/bai-hen-gio-kiem-thu/)\n`);
    const before = cachedRun(root, cache);
    expect(before.problems.map((p) => p.message)).toEqual(['liên kết "/bai-viet/bai-hen-gio-kiem-thu/" trỏ tới bài chưa xuất bản (bản nháp hoặc hẹn giờ)']);
    const later = cachedRun(root, cache, new Date('2099-01-02T00:00:00Z'));
    expect(later).toMatchObject({ problems: [], checkedFiles: 0 });
  });

  it.each([
    ['another version', (cache: ValidationCache) => writeFileSync(cache.file, readFileSync(cache.file, 'utf8').replace(cache.version, 'code-0'))],
    ['cut short', (cache: ValidationCache) => writeFileSync(cache.file, readFileSync(cache.file, 'utf8').slice(0, 200))],
    ['not JSON', (cache: ValidationCache) => writeFileSync(cache.file, 'not JSON')],
    ['JSON null', (cache: ValidationCache) => writeFileSync(cache.file, 'null')],
  ])('ignores a cache file of %s, and checks every file again', (_, spoil) => {
    const { root, cache } = setUp();
    edit(join(root, 'articles/2025/bai-mau.mdx'), (text) => text.replace('category: tin-tuc', 'category: khong-co'));
    const first = cachedRun(root, cache);
    expect(first.problems).toHaveLength(1);
    spoil(cache);
    expect(cachedRun(root, cache)).toEqual({ ...first, checkedFiles: ENTRY_FILES });
    expect(JSON.parse(readFileSync(cache.file, 'utf8')).version).toBe(cache.version);
    expect(keptFiles(cache)).toHaveLength(ENTRY_FILES);
  });

  it('keeps apart the checks of the same text in two collections, checked against different schemas', () => {
    const { root, cache } = setUp();
    cpSync(join(root, 'notices/2025/thong-bao-mau.mdx'), join(root, 'articles/2025/thong-bao-mau.mdx'));
    const first = cachedRun(root, cache);
    expect(first.problems.some((p) => p.file.endsWith(join('articles/2025/thong-bao-mau.mdx')))).toBe(true);
    expect(cachedRun(root, cache)).toEqual({ ...first, checkedFiles: 0 });
  });

  it('forgets a deleted file: its problems and its kept check go', () => {
    const { root, cache } = setUp();
    const doomed = join(root, 'articles/2025/bai-nhap-kiem-thu.mdx');
    edit(doomed, (text) => `${text}\n<script>alert(1)</script>\n`);
    expect(cachedRun(root, cache).problems.map((p) => p.file)).toEqual([expect.stringContaining('bai-nhap-kiem-thu.mdx')]);
    expect(keptFiles(cache)).toContain('articles/2025/bai-nhap-kiem-thu.mdx');
    rmSync(doomed);
    expect(cachedRun(root, cache)).toMatchObject({ problems: [], entryFiles: ENTRY_FILES - 1, checkedFiles: 0 });
    expect(keptFiles(cache)).toHaveLength(ENTRY_FILES - 1);
    expect(keptFiles(cache)).not.toContain('articles/2025/bai-nhap-kiem-thu.mdx');
  });

  it('finds what a run without it finds in every broken fixture, all at once, on a first run and from the cache', () => {
    const { root, cache } = setUp();
    const bad = join(fixtures, 'bad-content');
    for (const name of readdirSync(bad, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(bad, f)).isFile())) {
      const [collection, file] = name.split('/');
      const target = collection === 'categories' || collection === 'settings' ? name : `${collection}/kiem-thu/${file}`;
      mkdirSync(join(root, target, '..'), { recursive: true });
      cpSync(join(bad, name), join(root, target));
    }
    const first = cachedRun(root, cache);
    expect(first.problems.length).toBeGreaterThan(40);
    expect(cachedRun(root, cache)).toEqual({ ...first, checkedFiles: 0 });
    expect(existsSync(cache.file)).toBe(true);
  });
});

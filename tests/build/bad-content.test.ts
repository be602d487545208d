/**
 * Every file in tests/fixtures/bad-content breaks one content rule and says which in a first-line
 * comment (`# expect: …`). Added alone to a good corpus, each must make `npm run validate` and
 * `npm run build` fail with a message naming the file and the problem, and must leave the last good
 * build untouched. The good corpus's drafts and scheduled entries must appear nowhere in its build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePagefindFile } from '../../src/lib/pagefind-files';
import { readMeta } from '../../src/lib/pagefind-merge';
import { validateContent } from '../../src/lib/validate';
import { astroBuild, projectRoot } from '../support/astro-build';

const fixtures = join(projectRoot, 'tests/fixtures');
const badRoot = join(fixtures, 'bad-content');

interface Case {
  /** path below bad-content, e.g. articles/the-script.mdx */
  name: string;
  /** where the file goes in the corpus under test */
  target: string;
  expected: string;
}

const cases: Case[] = readdirSync(badRoot, { recursive: true, encoding: 'utf8' })
  .filter((f) => statSync(join(badRoot, f)).isFile())
  .sort()
  .map((name) => {
    const expected = /# expect: (.+)/.exec(readFileSync(join(badRoot, name), 'utf8'))?.[1]?.trim();
    if (!expected) throw new Error(`${name} has no "# expect:" line`);
    const [collection, file] = name.split('/');
    // Entries go into their own folder, so a duplicate slug of a good entry is found across folders.
    const target = collection === 'categories' || collection === 'settings' ? `${collection}/${file}` : `${collection}/kiem-thu/${file}`;
    return { name, target, expected };
  });

function snapshot(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((f) => {
      const s = statSync(join(dir, f));
      return `${f} ${s.size} ${s.mtimeMs}`;
    })
    .join('\n');
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

const work = mkdtempSync(join(tmpdir(), 'bad-content-'));
const corpus = join(work, 'content');
const goodDist = join(work, 'dist');
const cache = join(work, 'cache');

/** Runs `fn` with the case's file added to (or replacing one of) the good corpus, then puts the corpus back. */
async function withCase<T>(c: Case, fn: () => T | Promise<T>): Promise<T> {
  const path = join(corpus, c.target);
  const original = existsSync(path) ? readFileSync(path) : undefined;
  mkdirSync(join(path, '..'), { recursive: true });
  cpSync(join(badRoot, c.name), path);
  try {
    return await fn();
  } finally {
    if (original) writeFileSync(path, original);
    else rmSync(path);
  }
}

describe('bad content', () => {
  beforeAll(async () => {
    cpSync(join(fixtures, 'base-content'), corpus, { recursive: true });
    const result = await astroBuild({ CONTENT_DIR: corpus, OUT_DIR: goodDist, CACHE_DIR: cache });
    expect(result.code, result.output).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('has a corpus of at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('keeps drafts and scheduled entries out of every file of the good build, search index included', () => {
    const secrets = ['4c1e9a', '7d2f0b', '91ab3c', '5e6f7a'];
    // Pagefind's index files are gzip-compressed; read them decompressed.
    const readable = (f: string) => {
      const bytes = readFileSync(f);
      return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('latin1');
    };
    const searchFiles = allFiles(join(goodDist, 'pagefind')).filter((f) => /\.pf_(index|filter|meta)$/.test(f));
    // The index chunks hold the pages' words as they are written there: the secrets would be found as "2025" is.
    expect(searchFiles.some((f) => readable(f).includes('2025q'))).toBe(true);
    const leaks = [...allFiles(goodDist).filter((f) => /\.(html|xml|json|txt|js)$/.test(f)), ...searchFiles].flatMap((f) => {
      const text = readable(f);
      return secrets.filter((s) => text.includes(s)).map((s) => `${f}: ${s}`);
    });
    expect(leaks).toEqual([]);
    expect(readFileSync(join(goodDist, 'bai-viet/bai-mau/index.html'), 'utf8')).toContain('Bài mẫu về hội nghị');
    // What the search page shows of a result, its text in the page's own letters, under its Pagefind id
    const texts = allFiles(join(goodDist, 'tim-kiem/noi-dung')).filter((f) => basename(f) !== 'moi-nhat.json');
    const shown = new Map(texts.map((f) => [basename(f, '.json'), JSON.parse(readFileSync(f, 'utf8'))]));
    // The index's pages, in its metadata; what a result shows is the build's file, not Pagefind's fragment.
    const entry = JSON.parse(readFileSync(join(goodDist, 'pagefind/pagefind-entry.json'), 'utf8'));
    const indexed = readMeta(decodePagefindFile(readFileSync(join(goodDist, `pagefind/pagefind.${entry.languages.vi.hash}.pf_meta`)))).pages;
    expect(existsSync(join(goodDist, 'pagefind/fragment'))).toBe(false);
    expect([...shown.keys()].sort()).toEqual(indexed.map(([id]) => id).sort());
    const sample = [...shown.values()].find((page) => page.url === '/bai-viet/bai-mau/');
    expect(sample).toMatchObject({ title: 'Bài mẫu về hội nghị học tập chuyên đề', type: 'Bài viết' });
    expect(sample.text).toContain('Các đại biểu thống nhất kế hoạch năm.');
    // "Mới nhất": every page, newest first, by the same ids.
    const newest: string[] = JSON.parse(readFileSync(join(goodDist, 'tim-kiem/noi-dung/moi-nhat.json'), 'utf8'));
    expect([...newest].sort()).toEqual([...shown.keys()].sort());
    const times = newest.map((id) => Date.parse(shown.get(id).date ?? '')).filter((t) => !Number.isNaN(t));
    expect(times.length).toBeGreaterThan(1);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Pagefind counts each page's length as a power of two, so the lengths cost little in its metadata.
    const lengths = indexed.map(([, wordCount]) => wordCount);
    expect(lengths.filter((n) => Math.log2(n) % 1 !== 0)).toEqual([]);
  });

  describe.each(cases)('$name', (c) => {
    it('is refused by validateContent with its message', async () => {
      const problems = await withCase(c, () => validateContent({ root: corpus }));
      const mine = problems.filter((p) => p.file.endsWith(basename(c.target)));
      expect(mine.map((p) => p.message).join('\n')).toContain(c.expected);
      expect(problems.every((p) => p.file.endsWith(basename(c.target)) || p.message.includes(basename(c.target))), JSON.stringify(problems)).toBe(true);
    });

    it('fails npm run validate and the build, naming the file and the problem, leaving dist/ as it was', async () => {
      const before = snapshot(goodDist);
      await withCase(c, async () => {
        const validate = spawnSync(process.execPath, ['scripts/validate.ts', corpus], { cwd: projectRoot, encoding: 'utf8' });
        expect(validate.status).toBe(1);
        expect(validate.stderr).toContain(basename(c.target));
        expect(validate.stderr).toContain(c.expected);
        expect(validate.stderr).toMatch(new RegExp(`${basename(c.target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ `));

        const build = await astroBuild({ CONTENT_DIR: corpus, OUT_DIR: goodDist, CACHE_DIR: cache });
        expect(build.code).not.toBe(0);
        expect(build.output).toContain(basename(c.target));
        expect(build.output).toContain(c.expected);
      });
      expect(snapshot(goodDist)).toBe(before);
    });
  });
});

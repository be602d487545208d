import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusHash, generateCorpus, mulberry32, oldToneMarks, writeCorpus, type CorpusFile } from '../../src/lib/corpus-generator';
import { parseFrontmatter } from '../../src/lib/frontmatter';
import { NOTICE_KINDS } from '../../src/lib/schemas';
import { validateContent } from '../../src/lib/validate';

const options = { articles: 120, seed: 7 };
const corpus = generateCorpus(options);
const texts = async () => (await corpus).filter((f): f is CorpusFile & { data: string } => typeof f.data === 'string');
const entries = async (collection: string) => (await texts()).filter((f) => f.path.startsWith(`${collection}/`) && f.path.endsWith('.mdx'));

describe('corpus generator', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is deterministic: the same options give the same files, another seed others', async () => {
    expect(corpusHash(await generateCorpus(options))).toBe(corpusHash(await corpus));
    expect(corpusHash(await generateCorpus({ ...options, seed: 8 }))).not.toBe(corpusHash(await corpus));
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  it('writes a corpus that passes the content checks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    dirs.push(dir);
    await writeCorpus(dir, await corpus);
    expect(validateContent({ root: dir, now: new Date('2026-11-01T00:00:00Z'), cwd: dir })).toEqual([]);
  });

  it('has the contract’s shape: N articles in year folders, N/10 notices of every kind with document numbers', async () => {
    const articles = await entries('articles');
    const notices = await entries('notices');
    expect(articles).toHaveLength(120);
    expect(notices).toHaveLength(12);
    expect(articles.every((f) => /^articles\/20(1[5-9]|2[0-6])\/[a-z0-9-]+(\/index)?\.mdx$/.test(f.path))).toBe(true);
    expect(new Set(notices.map((f) => parseFrontmatter(f.data).kind))).toEqual(new Set(Object.keys(NOTICE_KINDS)));
    const numbers = notices.map((f) => parseFrontmatter(f.data).number).filter(Boolean);
    expect(numbers.some((n) => /^\d+-TB\/ĐUK$/.test(String(n)))).toBe(true);
    expect(articles.some((f) => /^## /m.test(f.data))).toBe(true);
    const files = (await corpus).map((f) => f.path);
    expect(files.some((p) => p.endsWith('/anh-bia.jpg'))).toBe(true);
    expect(files.some((p) => p.endsWith('/van-ban.pdf'))).toBe(true);
  });

  it('gives every cover a file of its own, a JPEG sharp can read', async () => {
    const covers = (await corpus).filter((f) => f.path.endsWith('/anh-bia.jpg'));
    expect(new Set(covers.map((f) => corpusHash([f]))).size).toBe(covers.length);
    for (const cover of covers) expect(await sharp(cover.data).metadata()).toMatchObject({ format: 'jpeg', width: 640, height: 400 });
  });

  it('writes Vietnamese in NFC, with đ and both tone-mark placements', async () => {
    const all = (await texts()).map((f) => f.data).join('\n');
    expect(all.normalize('NFC')).toBe(all);
    expect(all).toMatch(/đ/);
    expect(all).toMatch(/ủy/);
    expect(all).toMatch(/uỷ/);
    expect(oldToneMarks('Ủy ban hòa giải, hoàn thành, Thủy lợi')).toBe('Uỷ ban hoà giải, hoàn thành, Thuỷ lợi');
  });
});

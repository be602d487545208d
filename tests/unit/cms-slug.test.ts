/**
 * Where the CMS puts a new entry: a year folder and an ASCII slug made from the Vietnamese title by
 * the site's own rule (admin/entry-path.ts), not Decap's.
 */
import { describe, expect, it } from 'vitest';
import { entryPathData } from '../../admin/entry-path';
import { isSlug, toSlug } from '../../src/lib/slugs';

describe('the slug of a new entry', () => {
  it.each([
    ['Đảng ủy Khối tổ chức hội nghị', 'dang-uy-khoi-to-chuc-hoi-nghi'],
    // Decomposed (NFD) text, as pasted from some PDFs and Macs: NFC first.
    ['Đảng ủy Khối tổ chức hội nghị'.normalize('NFD'), 'dang-uy-khoi-to-chuc-hoi-nghi'],
    // The Icelandic Ð typed for Đ.
    ['\u00D0ại hội \u00F0ảng bộ', 'dai-hoi-dang-bo'],
    ['Hội nghị_2025: “Học tập & làm theo” (lần 2)', 'hoi-nghi-2025-hoc-tap-and-lam-theo-lan-2'],
    ['Nhiệm kỳ 2025–2030', 'nhiem-ky-2025-2030'],
  ])('%s → %s', (title, slug) => {
    expect(entryPathData({ title, date: '2026-03-12T09:30:00+07:00' })._slug).toBe(slug);
    expect(isSlug(slug)).toBe(true);
  });

  it("is the site's toSlug, for categories from their name too", () => {
    expect(entryPathData({ name: 'Gương điển hình tiên tiến' })._slug).toBe(toSlug('Gương điển hình tiên tiến'));
  });

  it('goes in the folder of its year in Viet Nam, not in UTC', () => {
    expect(entryPathData({ title: 'a', date: '2026-01-01T00:30:00+07:00' })._year).toBe('2026');
    expect(entryPathData({ title: 'a', date: '2025-12-31T20:00:00Z' })._year).toBe('2026');
    expect(entryPathData({ title: 'a', date: '2025-12-31T23:59' })._year).toBe('2025');
    expect(entryPathData({ title: 'a' }, new Date('2024-06-01T00:00:00Z'))._year).toBe('2024');
  });
});

describe("Decap's own slug rule, which the CMS does not use for entries", () => {
  // decap-cms-core's sanitizer with the options of admin/config.yml (`slug:`), which still names uploads.
  const options = { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' };
  const decapSlug = async (title: string) => {
    // @ts-expect-error Decap's internal modules have no type declarations
    const { sanitizeSlug } = await import('decap-cms-core/dist/esm/lib/urlHelper.js');
    return sanitizeSlug(title.toLowerCase(), options) as string;
  };

  it('maps đ to d, but keeps what the site refuses in a slug and mangles decomposed text', async () => {
    expect(await decapSlug('Đảng ủy Khối tổ chức hội nghị')).toBe('dang-uy-khoi-to-chuc-hoi-nghi');
    expect(isSlug(await decapSlug('Hội nghị_2025'))).toBe(false);
    expect(await decapSlug('Hội nghị'.normalize('NFD'))).not.toBe('hoi-nghi');
  });

  it('names uploaded files in ASCII', async () => {
    expect(await decapSlug('Ảnh Hội nghị Đảng ủy.JPG')).toBe('anh-hoi-nghi-dang-uy.jpg');
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { articleSchema, asRelativePath, categorySchema, DOCUMENT_NUMBER, noticeSchema, settingsSchema } from '../../src/lib/schemas';

// Astro's image() resolves files during a build; here any string stands for an image path.
const articles = articleSchema(() => z.string());

const valid = {
  title: 'Đảng ủy Khối tổ chức hội nghị',
  summary: 'Sáng 12/3, Đảng ủy Khối tổ chức hội nghị.',
  date: '2025-03-12T09:30',
  category: 'tin-hoat-dong',
};

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('articleSchema', () => {
  it('accepts the documented shape and reads dates in Asia/Ho_Chi_Minh', () => {
    const data = articles.parse({ ...valid, tags: ['Chuyển đổi số'], cover: { src: 'anh.jpg', alt: 'Quang cảnh hội nghị' } });
    expect(data.date.toISOString()).toBe('2025-03-12T02:30:00.000Z');
    expect(data.cover?.src).toBe('./anh.jpg');
    expect(data.draft).toBe(false);
    expect(data.featured).toBe(false);
  });

  it.each([
    ['title', { ...valid, title: undefined }, /title/],
    ['summary', { ...valid, summary: '  ' }, /summary/],
    ['date', { ...valid, date: '12/03/2025' }, /date.*12\/03\/2025/],
    ['category', { ...valid, category: undefined }, /category/],
    ['cover.alt', { ...valid, cover: { src: 'a.jpg' } }, /cover\.alt/],
    ['tags', { ...valid, tags: 'một chuỗi' }, /tags/],
    ['tags.0', { ...valid, tags: ['!!!'] }, /từ khóa/],
    ['featured', { ...valid, featured: 'có' }, /featured/],
  ])('names the field when %s is wrong', (field, input, pattern) => {
    const result = articles.safeParse(input);
    expect(result.success).toBe(false);
    const found = messages(result);
    expect(found.some((m) => m.startsWith(`${field}:`)), found.join('\n')).toBe(true);
    expect(found.join('\n')).toMatch(pattern);
  });

  it('refuses an update before publication', () => {
    expect(messages(articles.safeParse({ ...valid, updated: '2025-03-11' }))).toEqual([expect.stringMatching(/^updated: /)]);
  });
});

describe('noticeSchema', () => {
  const notice = { title: 'Giấy mời dự hội nghị', kind: 'giay-moi', number: '08-GM/ĐUK', date: '2026-11-20', event: { start: '2026-12-14T08:00', location: 'Hội trường tầng 3' } };

  it('accepts an invitation with time and place', () => {
    const data = noticeSchema.parse(notice);
    expect(data.event?.start?.toISOString()).toBe('2026-12-14T01:00:00.000Z');
    expect(data.attachments).toEqual([]);
  });

  it('requires time and place for an invitation', () => {
    const found = messages(noticeSchema.safeParse({ ...notice, event: undefined }));
    expect(found).toEqual([expect.stringMatching(/^event\.start: /), expect.stringMatching(/^event\.location: /)]);
  });

  it('refuses an end before the start, an unknown kind, a bad number and a non-document attachment', () => {
    expect(messages(noticeSchema.safeParse({ ...notice, event: { ...notice.event, end: '2026-12-14T07:00' } }))).toEqual([expect.stringMatching(/^event\.end: /)]);
    expect(messages(noticeSchema.safeParse({ ...notice, kind: 'thu-moi' })).join()).toMatch(/kind.*giay-moi/);
    expect(messages(noticeSchema.safeParse({ ...notice, number: 'TB/ĐUK' })).join()).toMatch(/number.*25-TB\/ĐUK/);
    expect(messages(noticeSchema.safeParse({ ...notice, attachments: [{ file: 'virus.exe', title: 'Tệp' }] })).join()).toMatch(/attachments\.0\.file/);
    expect(messages(noticeSchema.safeParse({ ...notice, attachments: [{ file: '../../bi-mat.pdf', title: 'Tệp' }] })).join()).toMatch(/attachments\.0\.file/);
    expect(messages(noticeSchema.safeParse({ ...notice, attachments: [{ file: '/etc/bi-mat.pdf', title: 'Tệp' }] })).join()).toMatch(/attachments\.0\.file/);
  });
});

describe('DOCUMENT_NUMBER', () => {
  it('accepts the usual forms of a document number', () => {
    for (const n of ['25-TB/ĐUK', '05/GM-ĐUK', '112-KH/ĐUK', '320-QĐ/ĐUK', '03-CTr/ĐUK', '15-BC/ĐUK.2025']) expect(DOCUMENT_NUMBER.test(n), n).toBe(true);
    for (const n of ['TB/ĐUK', '25', '25-', '25 TB ĐUK', '25-TB//ĐUK']) expect(DOCUMENT_NUMBER.test(n), n).toBe(false);
  });
});

describe('other schemas', () => {
  it('defaults a category order and requires a name', () => {
    expect(categorySchema.parse({ name: 'Tin hoạt động' }).order).toBe(100);
    expect(categorySchema.safeParse({ description: 'x' }).success).toBe(false);
  });

  it('requires the site name and organisation', () => {
    expect(settingsSchema.safeParse({ siteName: 'A' }).success).toBe(false);
    expect(settingsSchema.parse({ siteName: 'A', organization: 'B' }).menu).toEqual([]);
  });
});

describe('asRelativePath', () => {
  it('prefixes a bare file name, leaves paths and URLs alone', () => {
    expect(asRelativePath('anh.jpg')).toBe('./anh.jpg');
    expect(asRelativePath('./anh.jpg')).toBe('./anh.jpg');
    expect(asRelativePath('../chung/anh.jpg')).toBe('../chung/anh.jpg');
    expect(asRelativePath('/images/anh.jpg')).toBe('/images/anh.jpg');
    expect(asRelativePath('https://example.vn/a.jpg')).toBe('https://example.vn/a.jpg');
    expect(asRelativePath(undefined)).toBeUndefined();
  });
});

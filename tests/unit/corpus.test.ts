import { describe, expect, it } from 'vitest';
import { buildArticleIndex, buildNoticeIndex, isPublished, type ArticleView, type NoticeView } from '../../src/lib/corpus';

const now = new Date('2026-06-01T00:00:00Z');
const day = (n: number) => new Date(Date.UTC(2026, 0, n));

function article(id: string, n: number, category: string, tags: string[] = [], extra: Partial<ArticleView> = {}): ArticleView {
  return { id, date: day(n), category, tags, featured: false, draft: false, ...extra };
}

describe('isPublished', () => {
  it('hides drafts and entries dated after the build', () => {
    expect(isPublished({ draft: false, date: now }, now)).toBe(true);
    expect(isPublished({ draft: true, date: day(1) }, now)).toBe(false);
    expect(isPublished({ draft: false, date: new Date(now.getTime() + 1) }, now)).toBe(false);
  });
});

describe('buildArticleIndex', () => {
  const entries = [
    article('a', 1, 'tin', ['Chuyển đổi số']),
    article('b', 3, 'tin', ['Học tập và làm theo Bác']),
    article('c', 2, 'guong', ['Chuyển đổi số', 'Hoà bình']),
    article('d', 5, 'tin', ['chuyển đổi số'], { featured: true }),
    article('nhap', 4, 'tin', ['Chuyển đổi số'], { draft: true }),
    article('sau', 400, 'tin', ['Chuyển đổi số']),
    article('e', 3, 'guong', ['Hòa bình']),
  ];
  const index = buildArticleIndex(entries, (x) => x, now);
  const ids = (list: ArticleView[]) => list.map((x) => x.id);

  it('lists published articles newest first, ties broken by id', () => {
    expect(ids(index.all)).toEqual(['d', 'b', 'e', 'c', 'a']);
    expect(index.get('nhap')).toBeUndefined();
    expect(index.get('sau')).toBeUndefined();
    expect(ids(index.featured)).toEqual(['d']);
  });

  it('groups by category and year', () => {
    expect(ids(index.inCategory('tin'))).toEqual(['d', 'b', 'a']);
    expect(index.inCategory('khong-co')).toEqual([]);
    expect(index.years).toEqual([2026]);
    expect(index.inYear(2026)).toHaveLength(5);
  });

  it('groups tags by slug, whatever the case or tone-mark style', () => {
    expect([...index.tags.keys()].sort()).toEqual(['chuyen-doi-so', 'hoa-binh', 'hoc-tap-va-lam-theo-bac']);
    const digital = index.tags.get('chuyen-doi-so')!;
    expect(ids(digital.items)).toEqual(['d', 'c', 'a']);
    expect(digital.label).toBe('chuyển đổi số');
    expect(ids(index.tags.get('hoa-binh')!.items)).toEqual(['e', 'c']);
    expect(index.tagsOf(index.get('c')!).map((t) => t.slug)).toEqual(['chuyen-doi-so', 'hoa-binh']);
  });

  it('finds the newer and older article in the same category', () => {
    expect(ids(Object.values(index.neighbours(index.get('b')!)))).toEqual(['d', 'a']);
    expect(index.neighbours(index.get('d')!).newer).toBeUndefined();
    expect(index.neighbours(index.get('a')!).older).toBeUndefined();
  });

  it('ranks related articles by shared tags, then category, then closeness in time', () => {
    // c shares "Chuyển đổi số" with a and d (score 2), "Hoà bình" and the category with e (3).
    expect(ids(index.related(index.get('c')!))).toEqual(['e', 'a', 'd']);
    expect(ids(index.related(index.get('c')!, 1))).toEqual(['e']);
    expect(index.related(index.get('a')!)).not.toContain(index.get('a'));
  });

  it('answers for copies of entries, as Astro passes them to routes', () => {
    const copy = structuredClone(index.get('c')!);
    expect(index.tagsOf(copy).map((t) => t.slug)).toEqual(['chuyen-doi-so', 'hoa-binh']);
    expect(ids(index.related(copy))).toEqual(['e', 'a', 'd']);
    expect(index.neighbours(structuredClone(index.get('b')!)).older?.id).toBe('a');
  });

  it('stays fast on a large corpus', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => article(`x${i}`, 1 + (i % 150), `c${i % 8}`, [`tag ${i % 50}`, 'chung']));
    const start = performance.now();
    const large = buildArticleIndex(big, (x) => x, now);
    for (const item of large.all) large.related(item);
    // A quadratic implementation takes minutes here; the bound is loose on purpose.
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(large.all).toHaveLength(20_000);
  });
});

describe('buildNoticeIndex', () => {
  const notice = (id: string, n: number, extra: Partial<NoticeView> = {}): NoticeView => ({ id, date: day(n), kind: 'thong-bao', pinned: false, draft: false, ...extra });
  const entries = [
    notice('cu', 1),
    notice('moi', 10, { kind: 'giay-moi' }),
    notice('ghim', 2, { pinned: true }),
    notice('het-han', 20, { expires: day(30) }),
    notice('con-han', 21, { expires: new Date('2027-01-01T00:00:00Z') }),
    notice('nhap', 22, { draft: true }),
  ];
  const index = buildNoticeIndex(entries, (x) => x, now);

  it('lists current notices pinned first, expired ones left out', () => {
    expect(index.current.map((n) => n.id)).toEqual(['ghim', 'con-han', 'moi', 'cu']);
  });

  it('keeps expired notices in the archive and by kind', () => {
    expect(index.all.map((n) => n.id)).toEqual(['con-han', 'het-han', 'moi', 'ghim', 'cu']);
    expect(index.isExpired(index.get('het-han')!)).toBe(true);
    expect(index.ofKind('giay-moi').map((n) => n.id)).toEqual(['moi']);
    expect(index.get('nhap')).toBeUndefined();
  });
});

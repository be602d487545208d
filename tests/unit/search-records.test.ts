import { describe, expect, it } from 'vitest';
import { recordTokens } from '../../src/integrations/search-part';
import { PLACEHOLDER, recordLength } from '../../src/lib/pagefind-postings';
import { newestFirst, searchDocumentFromPage, searchFilters, weightedTerms } from '../../src/lib/search-records';
import { termLayout } from '../../src/lib/search-layout';

const page = `<!doctype html><html lang="vi"><body><header>Trang chủ Tìm kiếm</header>
<article data-pagefind-body data-search-type="Thông báo" data-search-date="2026-03-01T08:00:00+07:00" data-search-number="25-TB/ĐUK" data-search-kind="Thông báo">
<h1>Thông báo kết luận của Đảng ủy Khối</h1>
<nav data-pagefind-ignore>Bài trước Bài sau</nav>
<p>Thường trực Đảng ủy Khối thông báo kết luận hội nghị. Các chi bộ học tập và làm theo Bác.</p>
</article></body></html>`;

describe('searchDocumentFromPage', () => {
  it('reads the searchable element only, its heading as the title, its labels, without ignored parts', () => {
    const doc = searchDocumentFromPage(page, '/thong-bao/ket-luan/')!;
    expect(doc).toMatchObject({ url: '/thong-bao/ket-luan/', title: 'Thông báo kết luận của Đảng ủy Khối', type: 'Thông báo', number: '25-TB/ĐUK', date: '2026-03-01T08:00:00+07:00' });
    expect(doc.text).toContain('học tập và làm theo Bác');
    expect(doc.text).not.toMatch(/Trang chủ|Bài trước/);
  });

  it('gives nothing for a page without a searchable element', () => {
    expect(searchDocumentFromPage('<html><body><main>Trang chủ</main></body></html>', '/')).toBeUndefined();
  });
});

describe('a page\'s record (recordTokens, recordLength, searchFilters)', () => {
  const doc = searchDocumentFromPage(page, '/thong-bao/ket-luan/')!;
  const terms = weightedTerms(doc);
  const layout = termLayout([terms.map(([term]) => term), ['dảngq', 'khácq']]);
  const tokens = recordTokens(doc, layout);

  it('gives each term once, with its weight, the common ones at their places and "-" where a page lacks one', () => {
    const given = tokens.filter(([term]) => term !== PLACEHOLDER);
    expect(new Set(given.map(([term]) => term)).size).toBe(given.length);
    expect(given).toContainEqual(['dảngf', 10]);
    expect(given).toContainEqual(['dảngq', 7]);
    for (const [term, place] of layout.place) if (terms.some(([t]) => t === term)) expect(tokens[place][0]).toBe(term);
    expect(tokens.filter(([term]) => term === PLACEHOLDER).length).toBeLessThanOrEqual(1);
  });

  it('is as long as a power of two, at least its terms', () => {
    expect([0, 1, 2, 3, 600, 1024, 1025].map(recordLength)).toEqual([1, 1, 2, 4, 1024, 1024, 2048]);
  });

  it('carries the labels as filters, the year of the date, and nothing for a label the page lacks', () => {
    expect(searchFilters(doc)).toEqual([
      ['loai', 'Thông báo'],
      ['nam', '2026'],
      ['van-ban', 'Thông báo'],
    ]);
  });
});

describe('weightedTerms', () => {
  it('gives each term once, with its greatest weight', () => {
    const terms = weightedTerms({ url: '/a/', type: 'Bài viết', title: 'Quy định 213', text: 'Ngày 2/13 có 213 người, 213 đảng viên.' });
    const names = terms.map(([term]) => term);
    expect(new Set(names).size).toBe(names.length);
    expect(terms).toContainEqual(['213q', 10]);
  });
});

describe('newestFirst', () => {
  it('orders pages by time, whatever the offset, pages without a date last, ties by address', () => {
    const order = newestFirst([
      { id: 'c', url: '/c/', date: '2026-03-01T08:00:00+07:00' },
      { id: 'none', url: '/gioi-thieu/' },
      { id: 'b', url: '/b/', date: '2026-03-01T02:00:00Z' },
      { id: 'a', url: '/a/', date: '2026-03-01T01:00:00Z' },
      { id: 'bad', url: '/x/', date: 'không rõ' },
      { id: 'a2', url: '/a2/', date: '2026-03-01T08:00:00+07:00' },
    ]);
    expect(order).toEqual(['b', 'a', 'a2', 'c', 'none', 'bad']);
  });
});

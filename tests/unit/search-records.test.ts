import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { newestFirst, searchDocumentFromPage, searchRecordHtml, weightedTerms } from '../../src/lib/search-records';
import { layoutTokens, termLayout } from '../../src/lib/search-layout';

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

describe('searchRecordHtml', () => {
  const doc = searchDocumentFromPage(page, '/thong-bao/ket-luan/')!;
  const terms = weightedTerms(doc);
  const tokens = layoutTokens(terms, termLayout([terms.map(([term]) => term)]));
  const record = parse(searchRecordHtml(doc, tokens));
  const words = record.querySelector('[data-pagefind-body]')!.text.split(/\s+/).filter(Boolean);

  it('gives Pagefind a length that is a power of two, padded with what it counts but does not index', () => {
    expect(Math.log2(words.length) % 1).toBe(0);
    const terms = words.filter((word) => word !== '-');
    expect(terms.length).toBeGreaterThan(words.length / 2);
    expect(terms).toContain('dảngq');
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('gives Pagefind the terms in the layout\'s order, each with its weight', () => {
    const given = record.querySelectorAll('[data-pagefind-weight]').flatMap((run) => run.text.split(' ').map((term) => [term, Number(run.getAttribute('data-pagefind-weight'))]));
    expect(given).toEqual(tokens);
    expect(given).toContainEqual(['dảngf', 10]);
    expect(given).toContainEqual(['dảngq', 7]);
  });

  it('carries the labels as filters, and nothing Pagefind would make searchable besides the terms', () => {
    const filters = Object.fromEntries(record.querySelectorAll('[data-pagefind-filter]').map((e) => [e.getAttribute('data-pagefind-filter'), e.text]));
    expect(filters).toEqual({ loai: 'Thông báo', nam: '2026', 'van-ban': 'Thông báo' });
    // Pagefind indexes metadata words (and takes a title from a heading): "thong bao" would find every notice.
    expect(record.querySelectorAll('[data-pagefind-meta], [data-pagefind-sort], h1, h2, h3, title')).toHaveLength(0);
  });

  it('escapes what content holds', () => {
    const html = searchRecordHtml({ ...doc, title: '<script>alert(1)</script>', category: '"><img src=x onerror=alert(1)>' }, [['<b>', 1]]);
    expect(html).not.toMatch(/<script|<img|<b>/);
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

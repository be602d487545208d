import { describe, expect, it } from 'vitest';
import { listingPaths, pageUrl, pageWindow, paginate } from '../../src/lib/pagination';

describe('paginate', () => {
  const items = Array.from({ length: 25 }, (_, i) => i);

  it('splits into pages with links between them', () => {
    const pages = paginate(items, 10, '/chuyen-muc/tin/');
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.url)).toEqual(['/chuyen-muc/tin/', '/chuyen-muc/tin/trang/2/', '/chuyen-muc/tin/trang/3/']);
    expect(pages[0].prevUrl).toBeUndefined();
    expect(pages[0].nextUrl).toBe('/chuyen-muc/tin/trang/2/');
    expect(pages[2].prevUrl).toBe('/chuyen-muc/tin/trang/2/');
    expect(pages[2].nextUrl).toBeUndefined();
    expect(pages.every((p) => p.total === 3)).toBe(true);
  });

  it('keeps one empty page for an empty list', () => {
    expect(paginate([], 10, '/x/')).toMatchObject([{ number: 1, total: 1, items: [] }]);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate(items, 0, '/x/')).toThrow(RangeError);
    expect(() => paginate(items, 1.5, '/x/')).toThrow(RangeError);
  });
});

describe('pageUrl and listingPaths', () => {
  it('puts the first page at the listing URL', () => {
    expect(pageUrl('/thong-bao/', 1)).toBe('/thong-bao/');
    expect(pageUrl('/thong-bao/', 4)).toBe('/thong-bao/trang/4/');
  });

  it('gives rest parameters for getStaticPaths', () => {
    const paths = listingPaths([1, 2, 3], '/tu-khoa/a/', { tag: 'a' }, 2);
    expect(paths.map((p) => p.params)).toEqual([{ tag: 'a', page: undefined }, { tag: 'a', page: 'trang/2' }]);
    expect(paths[1].props.page.items).toEqual([3]);
  });
});

describe('pageWindow', () => {
  it('shows the ends and the neighbourhood, with gaps', () => {
    expect(pageWindow(10, 20)).toEqual([1, null, 9, 10, 11, null, 20]);
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, null, 5]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});

/** One page of a paginated listing. */
export interface Page<T> {
  /** 1-based */
  number: number;
  total: number;
  items: T[];
  url: string;
  prevUrl?: string;
  nextUrl?: string;
}

/**
 * The URL of page `n` of a listing at `base`: the first page is the listing itself, the others sit
 * below `trang/`.
 * @example pageUrl('/chuyen-muc/tin-tuc/', 2) // '/chuyen-muc/tin-tuc/trang/2/'
 */
export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}trang/${n}/`;
}

/** Splits items into pages of `perPage`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], perPage: number, base: string): Page<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
  const total = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      number,
      total,
      items: items.slice(i * perPage, number * perPage),
      url: pageUrl(base, number),
      prevUrl: number > 1 ? pageUrl(base, number - 1) : undefined,
      nextUrl: number < total ? pageUrl(base, number + 1) : undefined,
    };
  });
}

/**
 * The page numbers to show in a pager: the first, the last, and `radius` around the current one, with
 * `null` where numbers are left out.
 * @example pageWindow(10, 20) // [1, null, 9, 10, 11, null, 20]
 */
export function pageWindow(current: number, total: number, radius = 1): (number | null)[] {
  const shown = new Set([1, total]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0) {
      const gap = n - sorted[i - 1];
      if (gap === 2) out.push(n - 1);
      else if (gap > 2) out.push(null);
    }
    out.push(n);
  });
  return out;
}

/** How many entries a listing page shows. */
export const LIST_PAGE_SIZE = 12;

/**
 * `getStaticPaths` entries for a listing under a `[...page]` rest parameter: the first page at the
 * listing's own URL, the others at `trang/<n>/`.
 */
export function listingPaths<T, P extends Record<string, string>>(items: readonly T[], base: string, params: P, perPage = LIST_PAGE_SIZE) {
  return paginate(items, perPage, base).map((page) => ({
    params: { ...params, page: page.number === 1 ? undefined : `trang/${page.number}` },
    props: { page, base },
  }));
}

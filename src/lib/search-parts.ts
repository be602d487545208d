/**
 * How the search index's pages are cut into parts. Each part is indexed by a Pagefind process of its
 * own, and the parts are merged (pagefind-merge.ts). A part is kept between builds under a key of what
 * it was made from (partKey), so a republish indexes again only the parts whose pages changed.
 * For that, a part's bounds must not move when a page elsewhere is added or removed: they depend on
 * the pages' addresses, not on their count or their positions in the list.
 */
import { createHash } from 'node:crypto';
import type { TermLayout } from './search-layout.ts';

/** A number drawn from a page's address, the same in every build. */
export function addressNumber(address: string): number {
  return createHash('sha1').update(address).digest().readUInt32BE(0);
}

/**
 * Cuts `pages`, in the index's order, into consecutive parts. A part ends after a page whose address
 * number is a multiple of `average` (so parts hold `average` pages on the whole), or when it holds
 * `max` pages (which bounds the indexer's memory). Adding or removing a page changes its own part, and
 * the next when the page ends a part, but no other, unless a part holds `max` pages.
 * @example partsOf(['/a/', '/b/', '/c/'], (url) => url, 1_000_003, 2).map((part) => part.length) // [2, 1]
 */
export function partsOf<T>(pages: readonly T[], addressOf: (page: T) => string, average: number, max: number): T[][] {
  const parts: T[][] = [];
  let part: T[] = [];
  for (const page of pages) {
    part.push(page);
    if (part.length >= max || addressNumber(addressOf(page)) % average === 0) {
      parts.push(part);
      part = [];
    }
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** A page of a part as its key sees it: its address and a digest of its searchable HTML. */
export interface PartPage {
  url: string;
  digest: string;
}

/**
 * The key under which a part's index is kept: equal keys mean the same records given to Pagefind
 * (by the same code: the cache is emptied when the code changes), for they are made with the same
 * layout from the same HTML.
 */
export const partKey = (layout: TermLayout, pages: readonly PartPage[]): string => pagesDigest(pages, JSON.stringify([...layout.place]));

/** A digest of `pages`, by their addresses and searchable HTML, after `seed`: equal digests, same pages. */
export function pagesDigest(pages: readonly PartPage[], seed = ''): string {
  const hash = createHash('sha256').update(seed);
  for (const { url, digest } of pages) hash.update('\0').update(url).update('\0').update(digest);
  return hash.digest('base64url');
}

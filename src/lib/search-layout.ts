/**
 * Where each term stands in the records given to Pagefind. For every page holding a term, Pagefind
 * stores the term's position on that page, and positions were most of an index chunk's bytes: measured
 * at 10,000 articles, the chunk of a syllable held by 18,000 pages took 37 KB with the positions each
 * page gave it, and 10 KB when it stood at the same position everywhere. So a term held by many pages
 * gets a fixed place, the same in every record, with "-" (which Pagefind counts as a word but does not
 * index) holding the places of the terms a page lacks; the other terms follow. Pagefind ranks without
 * positions; what the places change is the pages' lengths, which become about equal, so Pagefind's
 * slight preference for short pages no longer plays.
 *
 * Which terms are common is learnt from a sample of the pages, read before the others: counting them
 * all first would leave Pagefind idle while every page is read twice.
 */

import { PLACEHOLDER } from './pagefind-postings.ts';
import { addressNumber } from './search-parts.ts';
import { byCodeUnits } from './slugs.ts';

/** Where the common terms stand in every record. */
export interface TermLayout {
  /** Each common term's place */
  place: Map<string, number>;
}

/** A term held by at least this share of the sampled pages gets a fixed place. */
const FIXED_PLACE_SHARE = 1 / 16;
/** At most this many fixed places: each costs a "-" in every page that lacks its term. */
const MAX_PLACES = 2048;
/** About how many pages the sample holds: enough to tell a term held by 1 page in 16 from a rarer one. */
const SAMPLE_PAGES = 1000;

/**
 * The pages to learn the layout from: all of a small site, and about `size` of a large one, drawn by
 * their addresses, so that adding or removing a page leaves the others' draw as it was (a layout that
 * changes makes every record change, and the whole index be made again: search-parts.ts).
 * @example layoutSample(['a', 'b', 'c'], 5) // ['a', 'b', 'c']
 */
export function layoutSample(pages: readonly string[], size = SAMPLE_PAGES): string[] {
  const step = Math.max(1, Math.ceil(pages.length / size));
  return pages.filter((page) => addressNumber(page) % step === 0);
}

/** The layout learnt from the sampled pages' terms (each page's distinct terms). */
export function termLayout(samples: Iterable<readonly string[]>): TermLayout {
  const pagesHolding = new Map<string, number>();
  let pages = 0;
  for (const terms of samples) {
    pages++;
    for (const term of terms) pagesHolding.set(term, (pagesHolding.get(term) ?? 0) + 1);
  }
  // The most held first, so that a page lacking the least held ones needs no "-" for them; but by powers
  // of two, then by term, so that one page more or less holding a term seldom moves it: a moved term
  // changes every record, and the whole index is made again (search-parts.ts). By exact counts, 58 of
  // 60 edits of a sampled page moved one; by powers of two, none.
  const rank = (pagesWith: number) => Math.floor(Math.log2(pagesWith));
  const common = [...pagesHolding]
    .filter(([, n]) => n >= pages * FIXED_PLACE_SHARE)
    .sort(([a, m], [b, n]) => rank(n) - rank(m) || byCodeUnits(a, b))
    .slice(0, MAX_PLACES);
  return { place: new Map(common.map(([term], i) => [term, i])) };
}

/**
 * A page's record as Pagefind will number it: the page's [term, weight] pairs with the common terms at
 * their places, "-" in the places of those the page lacks (with the weight of the term it stands
 * before, so as not to break a run of one weight), then the page's other terms in the order given.
 * @example layoutTokens([['boq', 1.5], ['dangq', 2.5]], layout) // [['dangq', 2.5], ['-', 1.5], ['boq', 1.5]]
 */
export function layoutTokens(terms: readonly (readonly [string, number])[], layout: TermLayout): [string, number][] {
  const common: [number, string, number][] = [];
  const others: [string, number][] = [];
  for (const [term, weight] of terms) {
    const place = layout.place.get(term);
    if (place === undefined) others.push([term, weight]);
    else common.push([place, term, weight]);
  }
  const tokens: [string, number][] = [];
  for (const [place, term, weight] of common.sort(([a], [b]) => a - b)) {
    while (tokens.length < place) tokens.push([PLACEHOLDER, weight]);
    tokens.push([term, weight]);
  }
  return tokens.concat(others);
}

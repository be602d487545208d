import { describe, expect, it } from 'vitest';
import { layoutSample, layoutTokens, termLayout } from '../../src/lib/search-layout';

type Terms = [string, number][];
// 32 pages: "dangq" on every page, "chiq" on 24, "boq" on the 8 without "chiq", "hiemq" and each
// "trang…q" on one (rare: a fixed place needs 1 page in 16).
const pages: Terms[] = Array.from({ length: 32 }, (_, i) => [
  ...(i === 7 ? ([['hiemq', 1]] as Terms) : []),
  ...(i % 4 === 2 ? ([['boq', 1.5]] as Terms) : []),
  ...(i % 4 !== 2 ? ([['chiq', 2.5]] as Terms) : []),
  ['dangq', i % 3 === 0 ? 7 : 1],
  [`trang${i}q`, 2],
]);
const layout = termLayout(pages.map((terms) => terms.map(([term]) => term)));
const positions = (term: string) => pages.map((terms) => layoutTokens(terms, layout).findIndex(([t]) => t === term)).filter((p) => p >= 0);

describe('termLayout', () => {
  it('places the common terms by how many pages hold them, in powers of two, then by term, and the rare ones nowhere', () => {
    expect([...layout.place]).toEqual([
      ['dangq', 0],
      ['chiq', 1],
      ['boq', 2],
    ]);
    expect([...termLayout([['b', 'a'], ['a', 'b']]).place.keys()]).toEqual(['a', 'b']);
  });

  it('keeps every place when one page more or fewer holds a term, unless that crosses a power of two', () => {
    // 16 pages: "a" on 5, "b" on 6, "c" on 9; a fixed place needs 1 page.
    const held = (counts: Record<string, number>) => Array.from({ length: 16 }, (_, i) => Object.keys(counts).filter((term) => i < counts[term]));
    const places = (counts: Record<string, number>) => [...termLayout(held(counts)).place.keys()];
    expect(places({ a: 5, b: 6, c: 9 })).toEqual(['c', 'a', 'b']);
    expect(places({ a: 4, b: 7, c: 10 })).toEqual(['c', 'a', 'b']);
    expect(places({ a: 5, b: 8, c: 9 })).toEqual(['b', 'c', 'a']);
  });
});

describe('layoutTokens', () => {
  it('puts each common term at the same position on every page that holds it', () => {
    expect(positions('dangq')).toEqual(Array(32).fill(0));
    expect(positions('chiq')).toEqual(Array(24).fill(1));
    expect(positions('boq')).toEqual(Array(8).fill(2));
  });

  it('holds the place of a common term the page lacks with "-", weighed as the next term, then gives the rare terms in order', () => {
    expect(layoutTokens(pages[2], layout)).toEqual([
      ['dangq', 1],
      ['-', 1.5],
      ['boq', 1.5],
      ['trang2q', 2],
    ]);
    expect(layoutTokens(pages[7], layout)).toEqual([
      ['dangq', 1],
      ['chiq', 2.5],
      ['hiemq', 1],
      ['trang7q', 2],
    ]);
  });

  it('keeps every term of every page, once, with its weight', () => {
    for (const terms of pages) expect(layoutTokens(terms, layout).filter(([t]) => t !== '-').sort()).toEqual([...terms].sort());
  });
});

describe('layoutSample', () => {
  const addresses = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `bai-viet/trang-${from + i}/index.html`);

  it('takes every page of a small site and about the asked number of a large one, spread over it', () => {
    expect(layoutSample(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
    const pages = addresses(0, 10_500);
    const sample = layoutSample(pages, 1000);
    expect(sample.length).toBeGreaterThan(800);
    expect(sample.length).toBeLessThan(1100);
    expect(sample.filter((page) => pages.indexOf(page) < 5250).length / sample.length).toBeCloseTo(0.5, 1);
  });

  it('draws a page by its address: pages added elsewhere leave the draw of the others as it was', () => {
    const pages = addresses(0, 10_500);
    const grown = [...addresses(20_000, 20_050), ...pages.slice(0, 5000), ...addresses(30_000, 30_050), ...pages.slice(5000)];
    const drawn = new Set(layoutSample(grown, 1000));
    expect(layoutSample(pages, 1000).every((page) => drawn.has(page))).toBe(true);
    expect(layoutSample(grown, 1000).length).toBeGreaterThan(layoutSample(pages, 1000).length);
  });
});

import { describe, expect, it } from 'vitest';
import { layoutSample, layoutTokens, termLayout } from '../../src/lib/search-layout';

type Terms = [string, number][];
// 32 pages: "dangq" on every page, "chiq" on 24, "boq" on 16, "hiemq" and each "trang…q" on one (rare:
// a fixed place needs 1 page in 16).
const pages: Terms[] = Array.from({ length: 32 }, (_, i) => [
  ...(i === 7 ? ([['hiemq', 1]] as Terms) : []),
  ...(i % 2 === 0 ? ([['boq', 1.5]] as Terms) : []),
  ...(i % 4 !== 2 ? ([['chiq', 2.5]] as Terms) : []),
  ['dangq', i % 3 === 0 ? 7 : 1],
  [`trang${i}q`, 2],
]);
const layout = termLayout(pages.map((terms) => terms.map(([term]) => term)));
const positions = (term: string) => pages.map((terms) => layoutTokens(terms, layout).findIndex(([t]) => t === term)).filter((p) => p >= 0);

describe('termLayout', () => {
  it('places the common terms by how many pages hold them, then by term, and the rare ones nowhere', () => {
    expect([...layout.place]).toEqual([
      ['dangq', 0],
      ['chiq', 1],
      ['boq', 2],
    ]);
    expect([...termLayout([['b', 'a'], ['a', 'b']]).place.keys()]).toEqual(['a', 'b']);
  });
});

describe('layoutTokens', () => {
  it('puts each common term at the same position on every page that holds it', () => {
    expect(positions('dangq')).toEqual(Array(32).fill(0));
    expect(positions('chiq')).toEqual(Array(24).fill(1));
    expect(positions('boq')).toEqual(Array(16).fill(2));
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
  it('takes every page of a small site and evenly spread pages of a large one', () => {
    expect(layoutSample([1, 2, 3])).toEqual([1, 2, 3]);
    const sample = layoutSample(Array.from({ length: 10_500 }, (_, i) => i), 1000);
    expect(sample.length).toBeGreaterThan(900);
    expect(sample.length).toBeLessThanOrEqual(1000);
    expect(sample.at(-1)).toBeGreaterThan(10_480);
  });
});

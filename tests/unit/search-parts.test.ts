import { describe, expect, it } from 'vitest';
import { addressNumber, partKey, partsOf } from '../../src/lib/search-parts';

const addresses = (count: number, prefix = 'trang') => Array.from({ length: count }, (_, i) => `/bai-viet/${prefix}-${i}/`);
const same = (url: string) => url;

describe('partsOf', () => {
  const pages = addresses(5000);
  const parts = partsOf(pages, same, 50, 150);

  it('cuts the pages, in order, into parts of about the asked size, none over the most', () => {
    expect(parts.flat()).toEqual(pages);
    expect(parts.length).toBeGreaterThan(70);
    expect(parts.length).toBeLessThan(140);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThanOrEqual(150);
    expect(parts.filter((part) => part.length === 150).length).toBeLessThan(parts.length / 10);
    expect(partsOf(['/a/', '/b/', '/c/'], same, 1_000_003, 2).map((part) => part.length)).toEqual([2, 1]);
  });

  it('ends a part after a page by its address alone', () => {
    for (const part of parts.slice(0, -1)) if (part.length < 150) expect(addressNumber(part.at(-1)!) % 50).toBe(0);
  });

  it('leaves every other part as it was when a page is added or removed', () => {
    const key = (part: string[]) => part.join(' ');
    const before = new Set(parts.map(key));
    for (const at of [0, 1234, 4999]) {
      const added = partsOf([...pages.slice(0, at), '/bai-viet/moi/', ...pages.slice(at)], same, 50, 150);
      const removed = partsOf([...pages.slice(0, at), ...pages.slice(at + 1)], same, 50, 150);
      for (const changed of [added, removed]) expect(changed.filter((part) => !before.has(key(part))).length).toBeLessThanOrEqual(2);
    }
  });
});

describe('partKey', () => {
  const layout = { place: new Map([['dangq', 0]]) };
  const pages = [
    { url: '/bai-viet/a/', digest: 'x' },
    { url: '/bai-viet/b/', digest: 'y' },
  ];
  const key = partKey(layout, pages);

  it('is the same for the same layout and pages, and changes with either', () => {
    expect(partKey({ place: new Map([['dangq', 0]]) }, pages.map((page) => ({ ...page })))).toBe(key);
    const others = [
      partKey({ place: new Map([['dangq', 1]]) }, pages),
      partKey(layout, [pages[0], { ...pages[1], digest: 'z' }]),
      partKey(layout, [pages[0], { ...pages[1], url: '/bai-viet/c/' }]),
      partKey(layout, [pages[1], pages[0]]),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });
});

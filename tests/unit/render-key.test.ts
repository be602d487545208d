import { describe, expect, test } from 'vitest';
import { renderKey } from '../../src/lib/render-key';

/** An entry shaped as Astro's collections give it. */
const entry = (id: string, title: string, body = 'Nội dung.') => ({
  collection: 'articles',
  id,
  data: { title, date: new Date('2026-11-20T08:00:00+07:00'), category: { collection: 'categories', id: 'tin-hoat-dong' } },
  body,
  rendered: { html: `<p>${body}</p>`, metadata: { headings: [] } },
});

describe('renderKey', () => {
  test('the same inputs give the same key, whichever objects hold them', () => {
    expect(renderKey('site', { article: entry('a', 'Hội nghị'), related: [entry('b', 'Đại hội')] })).toBe(
      renderKey('site', { article: entry('a', 'Hội nghị'), related: [entry('b', 'Đại hội')] }),
    );
  });

  test('a change anywhere in an entry changes the key: front matter, body or rendered HTML', () => {
    const key = renderKey({ related: [entry('b', 'Đại hội')] });
    expect(renderKey({ related: [entry('b', 'Đại hội lần thứ VII')] })).not.toBe(key);
    expect(renderKey({ related: [entry('b', 'Đại hội', 'Nội dung đã sửa.')] })).not.toBe(key);
    const rerendered = entry('b', 'Đại hội');
    rerendered.rendered.html = '<p>Nội dung.</p>\n';
    expect(renderKey({ related: [rerendered] })).not.toBe(key);
  });

  test('the site-wide part, the order of a list and a Map’s contents count', () => {
    const [a, b] = [entry('a', 'A'), entry('b', 'B')];
    expect(renderKey('site 1', { list: [a, b] })).not.toBe(renderKey('site 2', { list: [a, b] }));
    expect(renderKey({ list: [a, b] })).not.toBe(renderKey({ list: [b, a] }));
    expect(renderKey({ tags: new Map([['x', 1]]) })).not.toBe(renderKey({ tags: new Map([['x', 2]]) }));
    expect(renderKey({ tags: new Set(['x']) })).not.toBe(renderKey({ tags: new Set(['y']) }));
  });

  test('Vietnamese text is compared as written: NFC and NFD spellings are different inputs', () => {
    expect(renderKey({ title: 'Hoà'.normalize('NFC') })).not.toBe(renderKey({ title: 'Hoà'.normalize('NFD') }));
  });

  test('reads an image through its copy: Astro ships the original file of any image whose metadata is read', () => {
    const image = (src: string) => {
      const metadata = { src, width: 800, height: 450, format: 'jpg' };
      const read: PropertyKey[] = [];
      // As Astro's: a read of a property the metadata has marks the original as used; `clone` does not.
      const proxy = new Proxy(metadata, {
        get: (target, name) => {
          if (name === 'clone') return { ...target };
          if (name in target) read.push(name);
          return Reflect.get(target, name);
        },
      });
      return { proxy, read };
    };
    const cover = image('/_astro/anh-bia.B9i90uqP.jpg');
    const key = renderKey({ article: { ...entry('a', 'A'), data: { title: 'A', cover: { src: cover.proxy, alt: '' } } } });
    expect(cover.read).toEqual([]);
    const other = image('/_astro/anh-bia.1V1limt_.jpg');
    expect(renderKey({ article: { ...entry('a', 'A'), data: { title: 'A', cover: { src: other.proxy, alt: '' } } } })).not.toBe(key);
  });

  test('refuses what it cannot see, rather than leaving it out of the key', () => {
    expect(() => renderKey({ format: () => 'x' })).toThrow(/function/);
    expect(() => renderKey({ id: Symbol('x') })).toThrow(/symbol/);
  });
});

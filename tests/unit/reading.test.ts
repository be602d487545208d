import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, tableOfContents, TOC_MIN_HEADINGS, WORDS_PER_MINUTE } from '../../src/lib/reading';

describe('countWords', () => {
  it('counts Vietnamese syllables as words', () => {
    expect(countWords('Đảng ủy Khối các cơ quan tỉnh')).toBe(7);
  });

  it('counts what a reader sees, not the Markdown around it', () => {
    expect(countWords('## Tiêu đề\n\nXem [văn bản](https://x.vn/a.pdf) **này**.')).toBe(6);
    expect(countWords('> Trích dẫn một câu\n\n- mục một\n- mục hai\n\n1. Thứ nhất')).toBe(10);
    expect(countWords('![Ảnh hội nghị đông người](hoi-nghi.jpg)\n\nChỉ chữ này')).toBe(3);
    expect(countWords('Xem tại https://dangbokhoi.example.vn/bai-viet/x/ hoặc www.example.vn nhé')).toBe(4);
    expect(countWords('<Figure src="a.jpg">Chú thích</Figure> {1 + 1} chữ')).toBe(3);
  });

  it('counts numbers and document numbers, not lone punctuation', () => {
    expect(countWords('Ngày 12/3/2025, số 25-TB/ĐUK – với 1.312 đảng viên — ...')).toBe(8);
  });

  it('finds nothing in an empty body', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  \n\n  ')).toBe(0);
  });
});

describe('readingMinutes', () => {
  it('reads about 200 words a minute, to the nearest minute', () => {
    expect(WORDS_PER_MINUTE).toBe(200);
    expect(readingMinutes(1000)).toBe(5);
    expect(readingMinutes(1099)).toBe(5);
    expect(readingMinutes(1100)).toBe(6);
    expect(readingMinutes(450)).toBe(2);
  });

  it('never says less than one minute', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(40)).toBe(1);
  });

  it('takes another speed', () => {
    expect(readingMinutes(600, 300)).toBe(2);
  });
});

describe('tableOfContents', () => {
  const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase().replaceAll(' ', '-'), text });

  it(`is empty below ${TOC_MIN_HEADINGS} h2/h3 headings`, () => {
    expect(tableOfContents([h(2, 'Một'), h(2, 'Hai')])).toEqual([]);
    // h1 and h4 do not count
    expect(tableOfContents([h(1, 'Tiêu đề'), h(2, 'Một'), h(4, 'Nhỏ'), h(2, 'Hai')])).toEqual([]);
    expect(tableOfContents([])).toEqual([]);
  });

  it('nests each h3 under the h2 before it and keeps the order', () => {
    expect(tableOfContents([h(2, 'A'), h(3, 'A1'), h(3, 'A2'), h(4, 'A2x'), h(2, 'B')])).toEqual([
      { slug: 'a', text: 'A', children: [{ slug: 'a1', text: 'A1', children: [] }, { slug: 'a2', text: 'A2', children: [] }] },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });

  it('keeps an h3 that comes before any h2 at the top level', () => {
    expect(tableOfContents([h(3, 'Mở đầu'), h(2, 'A'), h(3, 'A1')]).map((i) => [i.text, i.children.length])).toEqual([
      ['Mở đầu', 0],
      ['A', 1],
    ]);
  });

  it('takes another threshold', () => {
    expect(tableOfContents([h(2, 'Một')], 1)).toHaveLength(1);
  });
});

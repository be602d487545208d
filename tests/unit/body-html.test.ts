/** MDX bodies rendered to HTML when the content is loaded (src/lib/body-html.ts). */
import { describe, expect, test } from 'vitest';
import { renderBody, rendererFingerprint } from '../../src/lib/body-html';

const html = (source: string) => renderBody(source).html;

describe('renderBody', () => {
  test('Markdown becomes HTML with typographic quotes, dashes and ellipses, in NFC as written', () => {
    expect(html('Đoạn **đậm**, *nghiêng* và "trích" -- tiếp...')).toBe('<p>Đoạn <strong>đậm</strong>, <em>nghiêng</em> và “trích” – tiếp…</p>');
    expect(html('| Cột | Số |\n| - | - |\n| Chi bộ | 12 |')).toContain('<td>Chi bộ</td>');
  });

  test('headings get the ids the content checks expect, numbered when repeated, and are listed', () => {
    const { html: out, headings } = renderBody('## Mục tiêu chung\n\n### Đảng ủy Khối\n\n## Mục tiêu chung');
    expect(out).toContain('<h2 id="mục-tiêu-chung">');
    expect(out).toContain('<h3 id="đảng-ủy-khối">');
    expect(headings).toEqual([
      { depth: 2, slug: 'mục-tiêu-chung', text: 'Mục tiêu chung' },
      { depth: 3, slug: 'đảng-ủy-khối', text: 'Đảng ủy Khối' },
      { depth: 2, slug: 'mục-tiêu-chung-1', text: 'Mục tiêu chung' },
    ]);
  });

  test('the words a reader sees are counted, for the reading time, since the body itself is not kept', () => {
    expect(renderBody('## Tiêu đề\n\nXem [văn bản](https://x.vn/a.pdf) **này**.').words).toBe(6);
    expect(renderBody('<Note title="Lưu ý">\nNộp trước ngày 15.\n</Note>').words).toBe(4);
  });

  test('images beside the entry are marked for Astro to optimise, each use numbered; remote images stay lazy <img>', () => {
    const { html: out, localImagePaths } = renderBody('![Ảnh một](./anh%20mot.jpg)\n\n![Lần hai](./anh%20mot.jpg)\n\n![Ngoài](https://example.vn/a.jpg)');
    expect(localImagePaths).toEqual(['./anh mot.jpg']);
    const marks = [...out.matchAll(/__ASTRO_IMAGE_="([^"]+)"/g)].map((m) => JSON.parse(m[1].replaceAll('&#x22;', '"')));
    expect(marks).toEqual([
      { alt: 'Ảnh một', src: './anh mot.jpg', index: 0 },
      { alt: 'Lần hai', src: './anh mot.jpg', index: 1 },
    ]);
    expect(out).toContain('<img src="https://example.vn/a.jpg" alt="Ngoài" loading="lazy" decoding="async">');
  });

  test('the site components render with their props and content, text escaped', () => {
    expect(html('<Figure caption="Ảnh <1>">\n![Mô tả](https://example.vn/a.jpg)\n</Figure>')).toMatch(
      /^<figure class="mdx-figure"><p><img [^>]+><\/p><figcaption>Ảnh &#x3C;1><\/figcaption><\/figure>$/,
    );
    expect(html('<HoChiMinhQuote source="Di chúc, 1969">\nKhông có gì quý hơn độc lập, tự do.\n</HoChiMinhQuote>')).toBe(
      '<figure class="mdx-quote"><blockquote><p>Không có gì quý hơn độc lập, tự do.</p></blockquote><figcaption>— Chủ tịch Hồ Chí Minh, <cite>Di chúc, 1969</cite></figcaption></figure>',
    );
    expect(html('<Note>\nNhớ mang thẻ đảng viên.\n</Note>')).toBe('<div class="mdx-note" role="note"><p class="mdx-note-title">Lưu ý</p><p>Nhớ mang thẻ đảng viên.</p></div>');
    expect(html('<DocumentDownload file="báo cáo.docx" />')).toBe(
      '<p class="mdx-download"><a href="b%C3%A1o%20c%C3%A1o.docx" download="báo cáo.docx">Tải về báo cáo.docx <span class="meta">(DOCX)</span></a></p>',
    );
    const video = html('<YouTube id="dQw4w9WgXcQ" title="Phim tư liệu" />');
    expect(video).toContain('<summary>Xem video: Phim tư liệu<small>');
    expect(video).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Phim tư liệu" loading="lazy"');
    expect(video).not.toContain('<details open');
  });

  test('allowed HTML elements keep only their allowed attributes', () => {
    expect(html('<abbr title="Ban Chấp hành" class="x">BCH</abbr> m<sup>2</sup> <mark>chú ý</mark><br />')).toBe(
      '<p><abbr title="Ban Chấp hành">BCH</abbr> m<sup>2</sup> <mark>chú ý</mark><br></p>',
    );
  });

  test('what the content policy refuses is refused here too, never rendered', () => {
    expect(() => html('{1 + 1}')).toThrow(/mdxFlowExpression/);
    expect(() => html('Chữ {alert(1)} chữ')).toThrow(/mdxTextExpression/);
    expect(() => html('import X from "y"')).toThrow(/mdxjsEsm/);
    expect(() => html('<script>alert(1)</script>')).toThrow('thẻ <script> không được phép');
    expect(() => html('<iframe src="https://evil.example" />')).toThrow('thẻ <iframe> không được phép');
    expect(() => html('<YouTube id="x" title="t" />')).toThrow('mã video YouTube phải gồm 11 ký tự');
  });

  test('the renderer fingerprint is stable, so cached entries are reused until the rendering changes', () => {
    expect(rendererFingerprint()).toMatch(/^[0-9a-f]{16}$/);
    expect(rendererFingerprint()).toBe(rendererFingerprint());
  });
});

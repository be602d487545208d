/**
 * The CMS's editor components (admin/components/) against the site: what each writes is read back
 * unchanged by the CMS, accepted by the content policy, understood by the site's MDX parser as the
 * editor typed it, and survives Decap's own Markdown serialiser.
 */
import { mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { componentNames, editorComponents } from '../../admin/components';
import { blockPattern, jsxAttributes, markdownText, parseAttributes, plainText } from '../../admin/components/jsx';
import { youTubeId } from '../../admin/components/youtube';
import { escapeMdxText, isAllowedHtml } from '../../admin/mdx-safe';
import { ALLOWED_COMPONENTS, inspectMdx } from '../../src/lib/mdx-policy';
import { slateToMarkdown, throughRichTextEditor } from '../support/decap-markdown';

interface MdNode {
  type: string;
  name?: string;
  value?: unknown;
  attributes?: { name: string; value: unknown }[];
  children?: MdNode[];
}

const parse = (mdx: string) => mdxToMdast(mdx) as unknown as MdNode;
const problems = (mdx: string) => inspectMdx(parse(mdx) as Parameters<typeof inspectMdx>[0]).problems.map((p) => p.message);
const textOf = (node: MdNode): string => (typeof node.value === 'string' ? node.value : (node.children ?? []).map(textOf).join(''));
const component = (id: string) => editorComponents.find((c) => c.id === id)!;

/** What an editor might type, with everything that Markdown or MDX could misread. */
const samples: Record<string, Record<string, string>> = {
  figure: { image: 'anh-hoi-nghi.jpg', alt: 'Hội trường "lớn" {x} [1] *đẹp* <b>', caption: 'Quang cảnh & "hội nghị" {2025} <i>' },
  'ho-chi-minh-quote': {
    text: 'Không có gì quý hơn độc lập, tự do.\n\n- Dòng bắt đầu bằng gạch\n1. Dòng bắt đầu bằng số\n# {x} <script>alert(1)</script> _a_ `b` \\ ~c~ | & > <',
    source: 'Lời kêu gọi đồng bào và chiến sĩ cả nước, 17/7/1966',
  },
  note: { title: 'Lưu ý "quan trọng"', text: 'Nộp báo cáo trước ngày 15/12/2026 {hạn chót}.' },
  'document-download': { file: 'ke-hoach-12.pdf', title: 'Kế hoạch số 12-KH/ĐUK "năm 2026"' },
  youtube: { video: 'dQw4w9WgXcQ', title: 'Phim tư liệu & “Bác Hồ”' },
};

describe('editor components', () => {
  it('cover every component the site allows, one each', () => {
    expect(Object.values(componentNames).sort()).toEqual(Object.keys(ALLOWED_COMPONENTS).sort());
    expect(editorComponents.map((c) => c.id).sort()).toEqual(Object.keys(samples).sort());
  });

  describe.each(editorComponents.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const data = samples[id];
    const block = c.toBlock(data);

    it('reads back exactly what it wrote', () => {
      const match = c.pattern.exec(block);
      expect(match?.[0]).toBe(block);
      expect(c.fromBlock(match!)).toEqual(data);
    });

    it('writes MDX the content policy accepts, with only the allowed props', () => {
      expect(problems(block)).toEqual([]);
      const [node] = parse(block).children!;
      expect(node.name).toBe(componentNames[id]);
      for (const attribute of node.attributes ?? []) expect(ALLOWED_COMPONENTS[node.name!]).toContain(attribute.name);
    });

    it('is read by the site as the editor typed it', () => {
      const [node] = parse(block).children!;
      const attributes = Object.fromEntries((node.attributes ?? []).map((a) => [a.name, a.value]));
      const expected: Record<string, Record<string, unknown>> = {
        figure: { caption: data.caption },
        'ho-chi-minh-quote': { source: data.source },
        note: { title: data.title },
        'document-download': { file: data.file, title: data.title },
        youtube: { id: data.video, title: data.title },
      };
      expect(attributes).toEqual(expected[id]);
      if (id === 'figure') {
        const image = node.children![0].children![0] as MdNode & { url: string; alt: string };
        expect({ url: image.url, alt: image.alt }).toEqual({ url: data.image, alt: data.alt });
      }
      if ('text' in data) {
        const paragraphs = node.children!.map(textOf);
        expect(paragraphs.join('\n\n')).toBe(data.text);
      }
    });

    it('has a preview that shows the text, never runs it', () => {
      const html = c.toPreview(data, (path) => `blob:${path}`);
      expect(html).not.toMatch(/<(script|b|i)\b/);
    });
  });
});

describe("Decap's Markdown serialiser", () => {
  const blocks = editorComponents.map((c) => c.toBlock(samples[c.id]));
  const body = ['Mở đầu bài viết.', ...blocks, 'Kết thúc.'].join('\n\n');

  it('writes components inserted in the rich-text editor as their blocks', async () => {
    const slate = [
      { type: 'paragraph', children: [{ text: 'Mở đầu bài viết.' }] },
      ...editorComponents.map((c) => ({ type: 'shortcode', data: { shortcode: c.id, shortcodeData: samples[c.id] }, children: [{ text: '' }] })),
      { type: 'paragraph', children: [{ text: 'Kết thúc.' }] },
    ];
    expect(await slateToMarkdown(slate)).toBe(body);
  });

  it('keeps a body with every component as it is when an editor opens and saves it', async () => {
    expect(await throughRichTextEditor(body)).toBe(body);
    expect(problems(body)).toEqual([]);
  });

  it('turns whatever an editor types or pastes into text the build accepts and shows as typed', async () => {
    const typed = 'Chữ {x} và }y{ <script>alert(1)</script> <b>đậm</b> <img src=x onerror=alert(1)> \\{ <sup>2</sup> [a](javascript:alert(1))';
    const markdown = await slateToMarkdown([{ type: 'paragraph', children: [{ text: typed }] }]);
    expect(problems(markdown)).toEqual([]);
    const paragraph = parse(markdown).children![0];
    // Everything is text except the superscript, which the policy allows and which stays one.
    expect(paragraph.children!.filter((n) => n.type !== 'text').map((n) => n.name)).toEqual(['sup']);
    expect(textOf(paragraph)).toBe(typed.replace('<sup>2</sup>', '2'));
  });

  it('turns raw HTML it does not allow into visible text', async () => {
    const markdown = await throughRichTextEditor('<div onclick="alert(1)">\nchữ\n</div>\n\n<iframe src="https://example.com"></iframe>');
    expect(problems(markdown)).toEqual([]);
  });
});

describe('JSX and Markdown text helpers', () => {
  it('quote attributes so that MDX decodes them back', () => {
    expect(jsxAttributes({ caption: 'Hội nghị "Học tập" & {x}', empty: '', none: undefined })).toBe(' caption="Hội nghị &quot;Học tập&quot; &amp; {x}"');
    expect(parseAttributes(` a="x &quot;y&quot; &amp; &#273;" b='z'`)).toEqual({ a: 'x "y" & đ', b: 'z' });
    expect(jsxAttributes({ title: 'dòng một\ndòng hai' })).toBe(' title="dòng một dòng hai"');
  });

  it('escape plain text so that it reads back unchanged', () => {
    for (const text of ['*a* _b_ `c` [d](e) {f} <g> & | ~ &lt; &lbrace; https://a.vn{x}', '- gạch\n+ cộng\n1. số\n2) số\n# thăng\n> trích\n===', 'a\\b \\{ \\\\']) {
      expect(plainText(markdownText(text))).toBe(text);
    }
    expect(markdownText('  thụt đầu dòng\n\n\n\nđoạn sau')).toBe('thụt đầu dòng\n\nđoạn sau');
  });

  it('match a component block only at the start, up to its own closing tag', () => {
    const pattern = blockPattern('Note', { children: true });
    expect(pattern.exec('<Note>\na\n</Note>\n\n<Note>\nb\n</Note>')?.[2]).toBe('a');
    expect(pattern.exec('x <Note>\na\n</Note>')).toBeNull();
    expect(blockPattern('YouTube', { children: false }).exec(`<YouTube id='a' title="b" />`)?.[1]).toBe(` id='a' title="b"`);
  });

  it('find the YouTube id in what editors paste', () => {
    expect(youTubeId('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42')).toBe('dQw4w9WgXcQ');
    expect(youTubeId('https://youtu.be/dQw4w9WgXcQ?si=abc')).toBe('dQw4w9WgXcQ');
    expect(youTubeId('https://www.youtube.com/shorts/dQw4w9WgXcQ')).toBe('dQw4w9WgXcQ');
    expect(youTubeId('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')).toBe('dQw4w9WgXcQ');
    expect(youTubeId(' dQw4w9WgXcQ ')).toBe('dQw4w9WgXcQ');
    expect(youTubeId('https://evil.example/watch?v=dQw4w9WgXcQ')).toBe('https://evil.example/watch?v=dQw4w9WgXcQ');
  });

  it('escape text for MDX and keep only the HTML the policy allows', () => {
    expect(escapeMdxText('a {b} <c> <sup>2</sup> <abbr title="Đảng ủy Khối">ĐUK</abbr> <abbr onclick="x">')).toBe(
      'a &lbrace;b&rbrace; &lt;c> <sup>2</sup> <abbr title="Đảng ủy Khối">ĐUK</abbr> &lt;abbr onclick="x">',
    );
    expect(escapeMdxText('typed \\{')).toBe('typed \\\\&lbrace;');
    expect(isAllowedHtml('<sup>2</sup>')).toBe(true);
    expect(isAllowedHtml('<Note title="x">')).toBe(true);
    expect(isAllowedHtml('<script>alert(1)</script>')).toBe(false);
    expect(isAllowedHtml('<abbr title={x}>')).toBe(false);
  });
});

/**
 * The content policy with the site's components (src/lib/body-components.ts): exactly these, with exactly
 * their props, and everything else still refused.
 */
import { mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/lib/body-html';
import { servedFiles } from '../../src/lib/attachments';
import { ALLOWED_COMPONENTS, inspectMdx, isDocumentFileName, isYouTubeId } from '../../src/lib/mdx-policy';

const inspect = (mdx: string) => inspectMdx(mdxToMdast(mdx) as Parameters<typeof inspectMdx>[0]);
const problems = (mdx: string) => inspect(mdx).problems.map((p) => p.message);

describe('the site components in content', () => {
  it.each([
    '<Figure caption="Quang cảnh hội nghị">\n![Hội trường](anh.jpg)\n</Figure>',
    '<HoChiMinhQuote source="Lời kêu gọi đồng bào và chiến sĩ cả nước, 17/7/1966">\nKhông có gì quý hơn độc lập, tự do.\n</HoChiMinhQuote>',
    '<HoChiMinhQuote>\nLời Bác.\n</HoChiMinhQuote>',
    '<Note title="Lưu ý">\nNộp trước ngày 15.\n</Note>',
    '<Note>\nNộp trước ngày 15.\n</Note>',
    '<DocumentDownload file="ke-hoach.pdf" title="Kế hoạch số 12-KH/ĐUK" />',
    '<DocumentDownload file="Bang-tong-hop.XLSX" />',
    '<YouTube id="dQw4w9WgXcQ" title="Phim tư liệu" />',
  ])('accepts %s', (mdx) => {
    expect(problems(mdx)).toEqual([]);
  });

  it.each([
    ['<Figure caption="x" class="lon">\n![a](b.jpg)\n</Figure>', 'thẻ <Figure> không nhận thuộc tính "class"; chỉ nhận: caption'],
    ['<Figure caption={tieuDe}>\n![a](b.jpg)\n</Figure>', 'phải là chữ trong dấu nháy, không phải biểu thức'],
    ['<Note {...props}>\nx\n</Note>', 'không được dùng thuộc tính dạng {...}'],
    ['<Note title="x" onClick="alert(1)">\nx\n</Note>', 'không được có thuộc tính sự kiện onClick'],
    ['<YouTube title="Phim" />', 'thẻ <YouTube> cần thuộc tính id'],
    ['<YouTube id="dQw4w9WgXcQ" />', 'thẻ <YouTube> cần thuộc tính title'],
    ['<YouTube id="../../x?y=1" title="Phim" />', 'thuộc tính id="../../x?y=1" của <YouTube> không hợp lệ'],
    ['<DocumentDownload title="Kế hoạch" />', 'thẻ <DocumentDownload> cần thuộc tính file'],
    ['<DocumentDownload file="../../../.env.pdf" title="x" />', 'không hợp lệ: cần tên một tệp tài liệu'],
    ['<DocumentDownload file="cai-dat.exe" title="x" />', 'không hợp lệ: cần tên một tệp tài liệu'],
    ['<DocumentDownload file="javascript:alert(1)" title="x" />', 'không an toàn'],
    ['<figure>\nx\n</figure>', 'thẻ <figure> không được phép trong bài; các thành phần được dùng: Figure, HoChiMinhQuote, Note, DocumentDownload, YouTube'],
    ['<BieuDo du-lieu="x" />', 'thẻ <BieuDo> không được phép'],
    ['<script>alert(1)</script>', 'thẻ <script> không được phép'],
    ['<Figure caption="x">\n![](anh.jpg)\n</Figure>', 'thiếu mô tả (alt)'],
  ])('refuses %s', (mdx, message) => {
    expect(problems(mdx).join('\n')).toContain(message);
  });

  it('lists the documents a body offers for download, to be served beside the entry', () => {
    const body = 'Chữ.\n\n<DocumentDownload file="ke-hoach.pdf" title="Kế hoạch" />\n\n<Note>\nx\n</Note>\n\n<DocumentDownload file="bao-cao.docx" title="Báo cáo" />';
    expect(inspect(body).files.map((f) => f.url)).toEqual(['ke-hoach.pdf', 'bao-cao.docx']);
    expect(renderBody(body).documents).toEqual(['ke-hoach.pdf', 'bao-cao.docx']);
    expect(renderBody('<DocumentDownload file="../x.pdf" title="x" />').documents).toEqual([]);
    expect(renderBody('Chữ.').documents).toEqual([]);
    // Each once, with the entry's own files: two routes for one file would stop the build.
    expect(renderBody(`${body}\n\n<DocumentDownload file="ke-hoach.pdf" title="Lại" />`).documents).toEqual(['ke-hoach.pdf', 'bao-cao.docx']);
    expect(servedFiles(['ke-hoach.pdf', 'giay-moi.pdf'], ['ke-hoach.pdf', 'bao-cao.docx'])).toEqual(['ke-hoach.pdf', 'giay-moi.pdf', 'bao-cao.docx']);
  });

  it('knows the forms of the component props', () => {
    expect(Object.keys(ALLOWED_COMPONENTS)).toEqual(['Figure', 'HoChiMinhQuote', 'Note', 'DocumentDownload', 'YouTube']);
    expect(isYouTubeId('dQw4w9WgXcQ')).toBe(true);
    expect(isYouTubeId('dQw4w9WgXc')).toBe(false);
    expect(isDocumentFileName('ke-hoach.pdf')).toBe(true);
    expect(isDocumentFileName('thu-muc/ke-hoach.pdf')).toBe(false);
    expect(isDocumentFileName('.pdf')).toBe(false);
  });
});

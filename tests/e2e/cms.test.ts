/**
 * Editors in the CMS, in real Chromium: /admin/ of the test build, under its real Content-Security-
 * Policy, against decap-server in Git mode on a temporary Git repository holding a copy of content/
 * (tests/support/cms-browser.ts). An editor writes an article and an invitation, edits an article,
 * moves entries through the editorial workflow, and is stopped by the checks; then the repository's
 * content is built, and the pages must show what was written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { editorComponents } from '../../admin/components';
import { parseFrontmatter } from '../../src/lib/frontmatter';
import { articleSchema, noticeSchema } from '../../src/lib/schemas';
import { validateContent } from '../../src/lib/validate';
import { astroBuild } from '../support/astro-build';
import { choose, field, fill, insertComponent, publishNow, save, setStatus, upload, useCmsSession } from '../support/cms-browser';
import { pageFile, readHtml, siteFiles } from '../support/site-html';

const siteDir = resolve(inject('siteDir'));
const cms = useCmsSession(siteDir);

const ARTICLE = {
  title: 'Đảng ủy Khối tổ chức hội nghị',
  slug: 'dang-uy-khoi-to-chuc-hoi-nghi',
  summary: 'Sáng 12/3, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị học tập chuyên đề {năm 2025}.',
  tags: ['Học tập chuyên đề', 'Đảng ủy Khối'],
  file: 'content/articles/2025/dang-uy-khoi-to-chuc-hoi-nghi/index.mdx',
};
const INVITATION = {
  title: 'Giấy mời dự Hội nghị sơ kết công tác Đảng 6 tháng đầu năm',
  slug: 'giay-moi-du-hoi-nghi-so-ket-cong-tac-dang-6-thang-dau-nam',
  file: 'content/notices/2025/giay-moi-du-hoi-nghi-so-ket-cong-tac-dang-6-thang-dau-nam/index.mdx',
};
const EDITED = 'content/articles/2025/dai-hoi-dang-bo-khoi-lan-thu-vii/index.mdx';

// The repository is read through Git, never its working tree or `git branch`: decap-server checks a
// draft's branch out for a moment whenever the CMS reads that draft, which it does right after a save.
const onMainText = (rel: string) => cms.git('show', `main:${rel}`);
const frontMatter = (rel: string) => parseFrontmatter(onMainText(rel));
const onMain = (rel: string) => cms.git('ls-tree', '--name-only', 'main', rel) === rel;
const branchStatus = (branch: string) => cms.git('config', '--get', `branch.${branch}.description`);
const cmsBranches = () => cms.git('for-each-ref', '--format=%(refname:short)', 'refs/heads/cms/').split('\n').filter(Boolean);

/** Clicks "Lưu" on a form that must be refused: nothing is committed. */
async function refusedSave() {
  const branches = cmsBranches();
  const errors = cms.errors.length;
  await cms.page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await cms.page.getByText('Còn thiếu thông tin bắt buộc (các ô báo đỏ). Hãy điền đủ rồi lưu lại.').first().waitFor();
  expect(cmsBranches()).toEqual(branches);
  // Decap ends a refused save with a promise rejected without a reason, which the page reports.
  expect(cms.errors.splice(errors).filter((e) => e !== 'page error: undefined')).toEqual([]);
}

beforeAll(async () => {
  mkdirSync(cms.scratch, { recursive: true });
  // Photos as an editor's camera names them.
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 165, g: 15, b: 21 } } }).jpeg().toFile(join(cms.scratch, 'Ảnh Hội nghị.jpg'));
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 201, g: 162, b: 39 } } }).jpeg().toFile(join(cms.scratch, 'Hội trường.jpg'));
  writeFileSync(join(cms.scratch, 'Giấy mời họp.pdf'), '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
});

describe('the admin page', () => {
  it('is noindex, outside the sitemap and the search index, and the only page that loads the CMS', () => {
    const admin = readFileSync(join(siteDir, 'admin/index.html'), 'utf8');
    expect(admin).toMatch(/<meta name="robots" content="noindex/);
    expect(admin).not.toContain('data-pagefind-body');
    const cmsScript = /<script type="module" src="([^"]+)"/.exec(admin)![1];
    const sitemaps = siteFiles(siteDir).filter((f) => /sitemap.*\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const sitemap of sitemaps) expect(readFileSync(sitemap, 'utf8')).not.toContain('/admin/');
    const others = siteFiles(siteDir).filter((f) => f.endsWith('.html') && !f.endsWith(join('admin', 'index.html')));
    expect(others.filter((f) => readFileSync(f, 'utf8').includes(cmsScript))).toEqual([]);
  });

  it('runs the CMS in Vietnamese under the admin Content-Security-Policy, signed in to the local Git backend', async () => {
    const { page } = cms;
    await page.getByRole('link', { name: 'Thông báo' }).first().waitFor();
    for (const label of ['Nội dung', 'Duyệt bài', 'Tệp đã tải lên']) await expect(page.getByText(label, { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(cms.errors).toEqual([]);
  });
});

describe('an editor', () => {
  it('creates an article with a Vietnamese title, tags, a cover with alt text, a figure and a quotation, and saves a draft', async () => {
    const { page } = cms;
    await cms.open('/collections/articles/new');
    await fill(page, 'Tiêu đề', ARTICLE.title);
    await fill(page, 'Tóm tắt (sapo)', ARTICLE.summary);
    await fill(page, 'Ngày giờ đăng', '2025-03-12T09:30');
    await choose(page, 'Chuyên mục', 'Tin hoạt động');
    await fill(page, 'Từ khóa', ARTICLE.tags.join(', '));
    await upload(field(page, 'Ảnh đại diện'), 'Ảnh', join(cms.scratch, 'Ảnh Hội nghị.jpg'));
    await fill(field(page, 'Ảnh đại diện'), 'Mô tả ảnh', 'Quang cảnh hội nghị học tập chuyên đề');
    await fill(field(page, 'Ảnh đại diện'), 'Chú thích ảnh', 'Quang cảnh hội nghị');

    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type('Hội nghị quán triệt chuyên đề {năm 2025} <quan trọng>.');
    const body = await insertComponent(page, 'Ảnh có chú thích');
    await upload(body, 'Ảnh', join(cms.scratch, 'Hội trường.jpg'));
    await fill(body, 'Mô tả ảnh', 'Hội trường hội nghị với phông đỏ');
    await fill(body, 'Chú thích dưới ảnh', 'Hội trường "Đảng ủy Khối"');
    await insertComponent(page, 'Trích dẫn lời Bác');
    await fill(body, 'Lời trích dẫn', 'Không có gì quý hơn độc lập, tự do.');
    await fill(body, 'Nguồn trích dẫn', 'Lời kêu gọi đồng bào và chiến sĩ cả nước, 17/7/1966');

    // The preview looks like the site: the headline, the dateline in Vietnamese, the quotation.
    const preview = page.frameLocator('iframe').first();
    await expect(preview.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(ARTICLE.title);
    await expect(preview.getByText('Thứ Tư, 12/03/2025 · 09:30').isVisible()).resolves.toBe(true);
    await expect(preview.getByText('— Chủ tịch Hồ Chí Minh, ').first().isVisible()).resolves.toBe(true);

    await save(page);
    const branch = `cms/articles/2025/${ARTICLE.slug}/index`;
    expect(cmsBranches()).toContain(branch);
    expect(branchStatus(branch)).toBe('decap-cms/draft');
    expect(onMain(ARTICLE.file)).toBe(false);
  });

  it('moves the draft through the editorial workflow, Bản nháp → Chờ duyệt → Sẵn sàng → published, each save a commit', async () => {
    const { page } = cms;
    const branch = `cms/articles/2025/${ARTICLE.slug}/index`;
    await setStatus(page, 'Chờ duyệt');
    expect(branchStatus(branch)).toBe('decap-cms/pending_review');
    await setStatus(page, 'Sẵn sàng');
    expect(branchStatus(branch)).toBe('decap-cms/pending_publish');
    await publishNow(page);

    expect(cmsBranches()).not.toContain(branch);
    expect(onMain(ARTICLE.file)).toBe(true);
    expect(cms.git('log', '-1', '--format=%s%n%an', 'main', '--', ARTICLE.file)).toBe(`Thêm bài viết “2025/${ARTICLE.slug}/index”\nBiên tập viên`);
    expect(cms.git('status', '--porcelain')).toBe('');
  });

  it('wrote the article as the content contract says: ASCII slug in its year folder, images beside it, valid front matter', () => {
    const data = frontMatter(ARTICLE.file);
    expect(data).toEqual({
      title: ARTICLE.title,
      summary: ARTICLE.summary,
      date: '2025-03-12T09:30:00+07:00',
      category: 'tin-hoat-dong',
      tags: ARTICLE.tags,
      cover: { src: 'anh-hoi-nghi.jpg', alt: 'Quang cảnh hội nghị học tập chuyên đề', caption: 'Quang cảnh hội nghị' },
    });
    const dir = ARTICLE.file.replace(/index\.mdx$/, '');
    expect(onMain(`${dir}anh-hoi-nghi.jpg`)).toBe(true);
    expect(onMain(`${dir}hoi-truong.jpg`)).toBe(true);
    expect(articleSchema(() => z.string()).safeParse(data).error?.issues ?? []).toEqual([]);
    const body = onMainText(ARTICLE.file).split('\n---\n')[1];
    expect(body).toContain('<Figure caption="Hội trường &quot;Đảng ủy Khối&quot;">\n![Hội trường hội nghị với phông đỏ](hoi-truong.jpg)\n</Figure>');
    expect(body).toContain('<HoChiMinhQuote source="Lời kêu gọi đồng bào và chiến sĩ cả nước, 17/7/1966">\nKhông có gì quý hơn độc lập, tự do.\n</HoChiMinhQuote>');
    expect(body).not.toMatch(/^import /m);
  });

  it('creates an invitation (giấy mời) with its meeting time and place and a PDF, and publishes it', async () => {
    const { page } = cms;
    await cms.open('/collections/notices/new');
    await fill(page, 'Tiêu đề (trích yếu)', INVITATION.title);
    await choose(page, 'Loại văn bản', 'Giấy mời');
    await fill(page, 'Số, ký hiệu', '112-GM/ĐUK');
    await fill(page, 'Ngày ban hành', '2025-06-20T08:00');
    const meeting = field(page, 'Cuộc họp, sự kiện');
    await fill(meeting, 'Thời gian bắt đầu', '2025-07-02T08:00');
    await fill(meeting, 'Thời gian kết thúc', '2025-07-02T11:30');
    await fill(meeting, 'Địa điểm', 'Hội trường Khu Liên cơ quan số 2');
    await field(page, 'Tệp đính kèm').getByRole('button', { name: 'Thêm tệp đính kèm' }).click();
    const attachment = field(page, 'Tệp đính kèm');
    await upload(attachment, 'Tệp', join(cms.scratch, 'Giấy mời họp.pdf'));
    await fill(attachment, 'Tên hiển thị', 'Giấy mời (bản PDF)');
    const preview = page.frameLocator('iframe').first();
    await expect(preview.getByText('08:00, Thứ Tư, 02/07/2025').isVisible()).resolves.toBe(true);

    await save(page);
    await setStatus(page, 'Sẵn sàng');
    await publishNow(page);

    expect(onMain(INVITATION.file)).toBe(true);
    const data = frontMatter(INVITATION.file);
    expect(data).toEqual({
      title: INVITATION.title,
      kind: 'giay-moi',
      number: '112-GM/ĐUK',
      date: '2025-06-20T08:00:00+07:00',
      event: { start: '2025-07-02T08:00:00+07:00', end: '2025-07-02T11:30:00+07:00', location: 'Hội trường Khu Liên cơ quan số 2' },
      attachments: [{ file: 'giay-moi-hop.pdf', title: 'Giấy mời (bản PDF)' }],
    });
    expect(noticeSchema.safeParse(data).error?.issues ?? []).toEqual([]);
    expect(onMain(INVITATION.file.replace(/index\.mdx$/, 'giay-moi-hop.pdf'))).toBe(true);
  });

  it('edits an existing article: the commit changes only what was edited', async () => {
    const { page } = cms;
    const before = cms.git('rev-parse', 'main');
    await cms.open('/collections/articles/entries/2025/dai-hoi-dang-bo-khoi-lan-thu-vii/index');
    const summary = field(page, 'Tóm tắt (sapo)').locator('textarea');
    await expect.poll(() => summary.inputValue()).toMatch(/^Sau hai ngày làm việc/);
    await summary.fill(`${await summary.inputValue()} Đại hội đã thành công tốt đẹp.`);
    await save(page);
    await setStatus(page, 'Sẵn sàng');
    await publishNow(page);

    expect(cms.git('log', '--format=%s', `${before}..main`)).toContain('Sửa bài viết “2025/dai-hoi-dang-bo-khoi-lan-thu-vii/index”');
    expect(cms.git('diff', '--numstat', before, 'main')).toBe(`1\t1\t${EDITED}`);
    expect(String(frontMatter(EDITED).summary)).toMatch(/Đại hội đã thành công tốt đẹp\.$/);
  });
});

describe('the CMS refuses bad input, in Vietnamese', () => {
  it('will not save an article without title, summary or category, nor a cover without its description', async () => {
    const { page } = cms;
    await cms.open('/collections/articles/new');
    await refusedSave();
    for (const label of ['Tiêu đề', 'Tóm tắt (sapo)', 'Chuyên mục']) {
      await expect(page.getByText(`«${label}» chưa được nhập: mục này bắt buộc.`).isVisible(), label).resolves.toBe(true);
    }
    // An article may have no cover; a cover must have its description.
    await expect(page.getByText('«Mô tả ảnh» chưa được nhập: mục này bắt buộc.').count()).resolves.toBe(0);
    await upload(field(page, 'Ảnh đại diện'), 'Ảnh', join(cms.scratch, 'Hội trường.jpg'));
    await refusedSave();
    await page.getByText('«Mô tả ảnh» chưa được nhập: mục này bắt buộc.').waitFor();
  });

  it('explains a wrong document number, and that an invitation needs its meeting', async () => {
    const { page } = cms;
    await cms.open('/collections/notices/new');
    await fill(page, 'Tiêu đề (trích yếu)', 'Giấy mời thiếu thông tin');
    await choose(page, 'Loại văn bản', 'Giấy mời');
    await fill(page, 'Số, ký hiệu', '25 TB ĐUK');
    await refusedSave();
    await expect(
      page.getByText('«Số, ký hiệu»: cần viết như 25-TB/ĐUK hoặc 05/GM-ĐUK: bắt đầu bằng số, tiếp theo là dấu - hoặc /, rồi chữ viết tắt, không có dấu cách.').isVisible(),
    ).resolves.toBe(true);
    for (const label of ['Thời gian bắt đầu', 'Địa điểm']) {
      await expect(page.getByText(`«${label}» chưa được nhập: mục này bắt buộc.`).isVisible(), label).resolves.toBe(true);
    }
  });
});

describe('what the CMS wrote', () => {
  const out = () => join(cms.scratch, 'out');

  it('passes the content checks, and builds into pages with the optimised images and every component', { timeout: 300_000 }, async () => {
    // One more entry with every editor component, written as the CMS writes them (the unit tests show
    // Decap's serialiser keeps these blocks as they are), with the files they name beside it.
    const samples: Record<string, Record<string, string>> = {
      figure: { image: 'hoi-truong.jpg', alt: 'Hội trường', caption: 'Chú thích {có ngoặc}' },
      'ho-chi-minh-quote': { text: 'Cần, kiệm, liêm, chính, chí công vô tư.', source: 'Hồ Chí Minh Toàn tập' },
      note: { title: 'Lưu ý', text: 'Nộp báo cáo trước ngày 15/12.' },
      'document-download': { file: 'ke-hoach.pdf', title: 'Kế hoạch số 12-KH/ĐUK' },
      youtube: { video: 'https://youtu.be/dQw4w9WgXcQ', title: 'Phim tư liệu' },
    };
    const dir = join(cms.repo, 'content/articles/2025/bai-co-moi-thanh-phan');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'hoi-truong.jpg'), readFileSync(join(cms.scratch, 'Hội trường.jpg')));
    writeFileSync(join(dir, 'ke-hoach.pdf'), readFileSync(join(cms.scratch, 'Giấy mời họp.pdf')));
    const body = editorComponents.map((c) => c.toBlock(samples[c.id])).join('\n\n');
    writeFileSync(join(dir, 'index.mdx'), `---\ntitle: Bài có mọi thành phần\nsummary: Thử các thành phần.\ndate: 2025-03-01T08:00:00+07:00\ncategory: tin-hoat-dong\n---\n\n${body}\n`);

    expect(validateContent({ root: join(cms.repo, 'content'), cwd: cms.repo })).toEqual([]);
    const build = await astroBuild({ CONTENT_DIR: join(cms.repo, 'content'), OUT_DIR: out(), CACHE_DIR: join(cms.scratch, 'cache') });
    expect(build.code, build.output).toBe(0);
  });

  it('renders the new article with its optimised cover, figure and quotation', () => {
    const { doc } = readHtml(pageFile(out(), `/bai-viet/${ARTICLE.slug}/`));
    expect(doc.querySelector('h1')!.text.trim()).toBe(ARTICLE.title);
    const cover = doc.querySelector('figure.cover picture')!;
    expect(cover.querySelectorAll('source').map((s) => s.getAttribute('type'))).toEqual(expect.arrayContaining(['image/avif', 'image/webp']));
    expect(cover.querySelector('img')!.getAttribute('src')).toMatch(/^\/_astro\/anh-hoi-nghi\.[\w-]+\.(jpg|webp|avif)$/);
    expect(cover.querySelector('img')!.getAttribute('alt')).toBe('Quang cảnh hội nghị học tập chuyên đề');
    const figure = doc.querySelector('.prose figure.mdx-figure')!;
    expect(figure.querySelector('img')!.getAttribute('src')).toMatch(/^\/_astro\/hoi-truong\.[\w-]+\.webp$/);
    expect(figure.querySelector('figcaption')!.text).toBe('Hội trường "Đảng ủy Khối"');
    expect(doc.querySelector('.prose figure.mdx-quote blockquote')!.text.trim()).toBe('Không có gì quý hơn độc lập, tự do.');
    expect(doc.querySelector('.prose')!.text).toContain('Hội nghị quán triệt chuyên đề {năm 2025} <quan trọng>.');
    for (const tag of ARTICLE.tags) expect(doc.querySelector('main')!.text).toContain(tag);
  });

  it('renders the invitation with its meeting and its PDF', () => {
    const { doc } = readHtml(pageFile(out(), `/thong-bao/${INVITATION.slug}/`));
    const facts = doc.querySelector('dl.facts')!.text;
    expect(facts).toContain('112-GM/ĐUK');
    expect(facts).toContain('08:00, Thứ Tư, 02/07/2025');
    expect(facts).toContain('Hội trường Khu Liên cơ quan số 2');
    expect(doc.querySelector('.attachments a')!.getAttribute('href')).toBe(`/thong-bao/${INVITATION.slug}/giay-moi-hop.pdf`);
    expect(existsSync(join(out(), 'thong-bao', INVITATION.slug, 'giay-moi-hop.pdf'))).toBe(true);
  });

  it('renders the edited article, and every component, without damage', () => {
    expect(readHtml(pageFile(out(), '/bai-viet/dai-hoi-dang-bo-khoi-lan-thu-vii/')).doc.querySelector('.summary')!.text).toMatch(/Đại hội đã thành công tốt đẹp\.$/);
    const { doc } = readHtml(pageFile(out(), '/bai-viet/bai-co-moi-thanh-phan/'));
    const prose = doc.querySelector('.prose')!;
    expect(prose.querySelector('figure.mdx-figure figcaption')!.text).toBe('Chú thích {có ngoặc}');
    expect(prose.querySelector('figure.mdx-quote blockquote')!.text.trim()).toBe('Cần, kiệm, liêm, chính, chí công vô tư.');
    expect(prose.querySelector('.mdx-note')!.text).toContain('Nộp báo cáo trước ngày 15/12.');
    expect(new URL(prose.querySelector('.mdx-download a')!.getAttribute('href')!, 'https://x/bai-viet/bai-co-moi-thanh-phan/').pathname).toBe('/bai-viet/bai-co-moi-thanh-phan/ke-hoach.pdf');
    expect(existsSync(join(out(), 'bai-viet/bai-co-moi-thanh-phan/ke-hoach.pdf'))).toBe(true);
    expect(prose.querySelector('.mdx-video iframe')!.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
  });

  it('reported no errors in the browser along the way', () => {
    expect(cms.errors).toEqual([]);
  });
});

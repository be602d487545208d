/**
 * Acceptance: an article or notice file added in the documented shape (any year folder, any valid
 * category) appears at its URL with the right Vietnamese date, in its category, its tag, the feed and
 * the sitemap; drafts and scheduled entries appear nowhere; and entries that break the contract stop
 * the build, naming the file and the field.
 *
 * Each build copies content/ to a temporary folder, changes the copy, and builds it (in UTC) into
 * temporary output and cache folders of its own.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDate, formatDateline, formatEventTime, parseVietnamDate, toVietnamIso, vietnamParts } from '../../src/lib/dates';
import { astroBuild, type BuildResult } from '../support/astro-build';
import { defaultContentDir, readSiteContent } from '../support/site-content';
import {
  checkLinks,
  fileForPath,
  listingLinksTo,
  pageFile,
  readHtml,
  siteFiles,
  squash,
  xmlProblems,
  xmlTexts,
} from '../support/site-html';

const MARK = '7f3a';
const temporary: string[] = [];

interface Corpus {
  root: string;
  content: string;
  out: string;
  cache: string;
}

/** A copy of content/ in a fresh temporary folder, with output and cache folders beside it. */
function newCorpus(name: string): Corpus {
  const root = mkdtempSync(join(tmpdir(), `dbk-${name}-`));
  temporary.push(root);
  const corpus = { root, content: join(root, 'content'), out: join(root, 'out'), cache: join(root, 'cache') };
  cpSync(defaultContentDir, corpus.content, { recursive: true });
  return corpus;
}

function write(corpus: Corpus, rel: string, data: string | Buffer) {
  const file = join(corpus.content, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  return file;
}

const build = (corpus: Corpus): Promise<BuildResult> => astroBuild({ CONTENT_DIR: corpus.content, OUT_DIR: corpus.out, CACHE_DIR: corpus.cache });

/** An entry's front matter and body. */
const mdx = (frontMatter: string, body = 'Nội dung kiểm tra.') => `---\n${frontMatter.trim()}\n---\n\n${body}\n`;

/** "2026-11-22 09:05", a wall-clock time in Asia/Ho_Chi_Minh written without an offset. */
function vietnamWallClock(date: Date): string {
  const p = vietnamParts(date);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('entries added in the documented shape', () => {
  const corpus = newCorpus('added');
  const category = readSiteContent(corpus.content).categories.map((c) => c.slug).sort()[0];
  const now = new Date();

  // A: a new year folder, a date without an offset just after midnight (the UTC date is the day before).
  const oldSlug = `bai-kiem-tra-dau-nam-2019-${MARK}`;
  const oldTitle = `Bài kiểm tra tự động đăng lúc nửa đêm đầu năm 2019 ${MARK}`;
  const tag = `Kiểm tra tự động ${MARK}`;
  const tagPath = `/tu-khoa/kiem-tra-tu-dong-${MARK}/`;

  // B: the newest article, in the folder form with a cover image beside it, dated a few hours ago.
  const newSlug = `bai-kiem-tra-moi-nhat-${MARK}`;
  const newTitle = `Bài kiểm tra tự động mới nhất có ảnh bìa ${MARK}`;
  const newDate = new Date(Math.floor((now.getTime() - 3 * 3600_000) / 60_000) * 60_000);
  const coverAlt = `Ảnh bìa kiểm tra tự động ${MARK}`;
  // Its body uses every content component, an image beside it and a document to download.
  const bodyImageAlt = `Ảnh trong bài kiểm tra ${MARK}`;
  const bodyDocument = Buffer.from(`%PDF-1.4\n% tai lieu ${MARK}\n%%EOF\n`);
  const newBody = `Mở đầu "bài" kiểm tra -- có thành phần...

## Ảnh và trích dẫn ${MARK}

<Figure caption="Chú thích ảnh trong bài ${MARK}">
![${bodyImageAlt}](anh-trong-bai.jpg)
</Figure>

<HoChiMinhQuote source="Nguồn trích dẫn ${MARK}">
Lời Bác kiểm tra ${MARK}.
</HoChiMinhQuote>

## Ghi chú và tài liệu ${MARK}

<Note title="Lưu ý kiểm tra ${MARK}">
Nội dung **ghi chú** H<sub>2</sub>O.
</Note>

<DocumentDownload file="tai-lieu-${MARK}.pdf" title="Tài liệu kiểm tra ${MARK}" />

<YouTube id="dQw4w9WgXcQ" title="Video kiểm tra ${MARK}" />
`;

  // N: an invitation in the folder form, with an attachment beside it.
  const noticeSlug = `giay-moi-kiem-tra-${MARK}`;
  const noticeTitle = `Giấy mời dự hội nghị kiểm tra tự động ${MARK}`;
  const noticeDate = new Date(Math.floor((now.getTime() - 2 * 3600_000) / 60_000) * 60_000);
  const eventStart = parseVietnamDate(`${vietnamWallClock(new Date(now.getTime() + 7 * 86400_000)).slice(0, 10)}T08:00`)!;
  const location = `Hội trường kiểm tra số ${MARK}, tầng 2`;
  const pdf = Buffer.from(`%PDF-1.4\n% kiem tra ${MARK}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

  // A static page.
  const pageSlug = `trang-kiem-tra-${MARK}`;
  const pageTitle = `Trang kiểm tra tự động ${MARK}`;

  // Entries that must stay out of the site: drafts and scheduled ones.
  const hidden = [
    { rel: `articles/2024/bai-nhap-kiem-tra-${MARK}.mdx`, title: `BAI-NHAP-KIEM-TRA-${MARK}`, slug: `bai-nhap-kiem-tra-${MARK}`, tag: `Thẻ bản nháp ${MARK}` },
    { rel: `articles/2031/bai-tuong-lai-kiem-tra-${MARK}.mdx`, title: `BAI-TUONG-LAI-KIEM-TRA-${MARK}`, slug: `bai-tuong-lai-kiem-tra-${MARK}`, tag: `Thẻ tương lai ${MARK}` },
    { rel: `notices/2024/thong-bao-nhap-kiem-tra-${MARK}.mdx`, title: `THONG-BAO-NHAP-KIEM-TRA-${MARK}`, slug: `thong-bao-nhap-kiem-tra-${MARK}` },
    { rel: `notices/2031/thong-bao-tuong-lai-kiem-tra-${MARK}/index.mdx`, title: `THONG-BAO-TUONG-LAI-KIEM-TRA-${MARK}`, slug: `thong-bao-tuong-lai-kiem-tra-${MARK}` },
    { rel: `pages/trang-nhap-kiem-tra-${MARK}.mdx`, title: `TRANG-NHAP-KIEM-TRA-${MARK}`, slug: `trang-nhap-kiem-tra-${MARK}` },
  ];
  const future = toVietnamIso(new Date(now.getTime() + 30 * 86400_000));

  let result: BuildResult;
  const site = () => corpus.out;
  const doc = (path: string) => readHtml(pageFile(site(), path)).doc;
  let origin: string;

  beforeAll(async () => {
    write(
      corpus,
      `articles/2019/${oldSlug}.mdx`,
      mdx(`
title: ${oldTitle}
summary: Bài viết thêm vào thư mục năm mới, ghi giờ không kèm múi giờ, để kiểm tra ngày hiển thị theo giờ Việt Nam.
date: 2019-01-01T00:30
category: ${category}
tags:
  - ${tag}
  - Đảng ủy Khối
author: Người kiểm thử
`),
    );
    write(
      corpus,
      `articles/${vietnamParts(newDate).year}/${newSlug}/index.mdx`,
      mdx(`
title: ${newTitle}
summary: Bài viết mới nhất thêm vào ở dạng thư mục, có ảnh bìa nằm cạnh bài.
date: ${vietnamWallClock(newDate)}
category: ${category}
tags: [${tag}]
cover:
  src: anh-bia.jpg
  alt: ${coverAlt}
  caption: Chú thích ảnh kiểm tra
`, newBody),
    );
    write(
      corpus,
      `articles/${vietnamParts(newDate).year}/${newSlug}/anh-trong-bai.jpg`,
      await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 20, g: 60, b: 140 } } }).jpeg().toBuffer(),
    );
    write(corpus, `articles/${vietnamParts(newDate).year}/${newSlug}/tai-lieu-${MARK}.pdf`, bodyDocument);
    write(
      corpus,
      `articles/${vietnamParts(newDate).year}/${newSlug}/anh-bia.jpg`,
      await sharp({ create: { width: 1200, height: 675, channels: 3, background: { r: 165, g: 15, b: 21 } } }).jpeg().toBuffer(),
    );
    write(
      corpus,
      `notices/${vietnamParts(noticeDate).year}/${noticeSlug}/index.mdx`,
      mdx(`
title: ${noticeTitle}
kind: giay-moi
number: 99-GM/ĐUK
date: ${toVietnamIso(noticeDate)}
event:
  start: ${toVietnamIso(eventStart)}
  location: ${location}
attachments:
  - file: giay-moi-${MARK}.pdf
    title: Giấy mời kiểm tra (PDF)
`),
    );
    write(corpus, `notices/${vietnamParts(noticeDate).year}/${noticeSlug}/giay-moi-${MARK}.pdf`, pdf);
    write(corpus, `pages/${pageSlug}.mdx`, mdx(`title: ${pageTitle}\nsummary: Trang tĩnh thêm vào để kiểm tra.`));

    write(corpus, hidden[0].rel, mdx(`title: ${hidden[0].title}\nsummary: Bản nháp.\ndate: 2024-05-05T08:00\ncategory: ${category}\ntags: [${hidden[0].tag}]\ndraft: true`));
    write(corpus, hidden[1].rel, mdx(`title: ${hidden[1].title}\nsummary: Bài hẹn giờ đăng.\ndate: ${future}\ncategory: ${category}\ntags: [${hidden[1].tag}]`));
    write(corpus, hidden[2].rel, mdx(`title: ${hidden[2].title}\nkind: thong-bao\ndate: 2024-05-05\ndraft: true`));
    write(corpus, hidden[3].rel, mdx(`title: ${hidden[3].title}\nkind: thong-bao\nnumber: 98-TB/ĐUK\ndate: ${future}`));
    write(corpus, hidden[4].rel, mdx(`title: ${hidden[4].title}\ndraft: true`));

    result = await build(corpus);
    if (result.code === 0) origin = new URL(doc('/').querySelector('link[rel="canonical"]')!.getAttribute('href')!).origin;
  });

  test('the build succeeds', () => {
    expect(result.code, result.output.slice(-4000)).toBe(0);
  });

  test('each added entry has its page', () => {
    for (const path of [`/bai-viet/${oldSlug}/`, `/bai-viet/${newSlug}/`, `/thong-bao/${noticeSlug}/`, `/${pageSlug}/`]) {
      expect(existsSync(pageFile(site(), path)), path).toBe(true);
    }
    expect(squash(doc(`/bai-viet/${oldSlug}/`).querySelector('h1')!.text)).toBe(oldTitle);
    expect(squash(doc(`/bai-viet/${newSlug}/`).querySelector('h1')!.text)).toBe(newTitle);
    expect(squash(doc(`/thong-bao/${noticeSlug}/`).querySelector('h1')!.text)).toBe(noticeTitle);
    expect(squash(doc(`/${pageSlug}/`).querySelector('h1')!.text)).toBe(pageTitle);
  });

  test('2019-01-01T00:30 without an offset shows as Thứ Ba, 01/01/2019 · 00:30 on a UTC build', () => {
    const times = doc(`/bai-viet/${oldSlug}/`).querySelectorAll('main time');
    const dateline = times.find((t) => t.getAttribute('datetime') === '2019-01-01T00:30:00+07:00');
    expect(dateline, 'a <time datetime="2019-01-01T00:30:00+07:00">').toBeDefined();
    expect(squash(dateline!.text)).toBe('Thứ Ba, 01/01/2019 · 00:30');
    const jsonLd = JSON.parse(doc(`/bai-viet/${oldSlug}/`).querySelector('script[type="application/ld+json"]')!.rawText);
    expect(jsonLd.datePublished).toBe('2019-01-01T00:30:00+07:00');
  });

  test('the newest article, written "YYYY-MM-DD HH:MM" in Vietnam time, shows that time', () => {
    const d = doc(`/bai-viet/${newSlug}/`);
    const dateline = d.querySelectorAll('main time').find((t) => t.getAttribute('datetime') === toVietnamIso(newDate));
    expect(dateline).toBeDefined();
    expect(squash(dateline!.text)).toBe(formatDateline(newDate));
    expect(formatDateline(newDate)).toContain(`${vietnamWallClock(newDate).slice(8, 10)}/${vietnamWallClock(newDate).slice(5, 7)}/`);
    expect(formatDateline(newDate).endsWith(vietnamWallClock(newDate).slice(11))).toBe(true);
  });

  test('the added articles are listed on their category and tag pages, and the 2019 one in the 2019 archive', () => {
    for (const slug of [oldSlug, newSlug]) {
      expect(listingLinksTo(site(), `/chuyen-muc/${category}/`, `/bai-viet/${slug}/`), `/chuyen-muc/${category}/ lists ${slug}`).toBe(true);
      expect(listingLinksTo(site(), tagPath, `/bai-viet/${slug}/`), `${tagPath} lists ${slug}`).toBe(true);
    }
    const tagLink = doc(`/bai-viet/${oldSlug}/`)
      .querySelectorAll('main a[rel~="tag"]')
      .find((a) => squash(a.text) === tag);
    expect(tagLink?.getAttribute('href')).toBe(tagPath);
    expect(listingLinksTo(site(), '/luu-tru/2019/', `/bai-viet/${oldSlug}/`)).toBe(true);
    expect(existsSync(pageFile(site(), '/luu-tru/2018/')) && listingLinksTo(site(), '/luu-tru/2018/', `/bai-viet/${oldSlug}/`)).toBe(false);
  });

  test('the newest article leads the home page lists and the feed, with absolute links', () => {
    const homeLinks = doc('/')
      .querySelectorAll('main a[href]')
      .map((a) => a.getAttribute('href'));
    expect(homeLinks).toContain(`/bai-viet/${newSlug}/`);
    const rss = readFileSync(join(site(), 'rss.xml'), 'utf8');
    expect(xmlProblems(rss)).toEqual([]);
    const links = xmlTexts(rss, 'item').map((item) => xmlTexts(item, 'link')[0]);
    expect(links).toContain(`${origin}/bai-viet/${newSlug}/`);
    expect(links).toContain(`${origin}/thong-bao/${noticeSlug}/`);
  });

  test('the sitemap lists the added pages', () => {
    const locs = siteFiles(site())
      .filter((f) => /sitemap-\d+\.xml$/.test(f))
      .flatMap((f) => xmlTexts(readFileSync(f, 'utf8'), 'loc'));
    for (const path of [`/bai-viet/${oldSlug}/`, `/bai-viet/${newSlug}/`, `/thong-bao/${noticeSlug}/`, `/${pageSlug}/`]) {
      expect(locs, path).toContain(`${origin}${path}`);
    }
  });

  test('the cover beside the entry renders as a picture with AVIF and WebP and its alt text', () => {
    const img = doc(`/bai-viet/${newSlug}/`)
      .querySelectorAll('main picture img')
      .find((i) => i.getAttribute('alt') === coverAlt);
    expect(img).toBeDefined();
    expect(Number(img!.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(img!.getAttribute('height'))).toBeGreaterThan(0);
    const types = img!.closest('picture')!.querySelectorAll('source').map((s) => s.getAttribute('type'));
    expect(types).toEqual(expect.arrayContaining(['image/avif', 'image/webp']));
  });

  test("the body's components render with their content, headings get ids, and the quotes are typographic", () => {
    const body = doc(`/bai-viet/${newSlug}/`).querySelector('main .prose')!;
    expect(squash(body.querySelector('p')!.text)).toBe('Mở đầu “bài” kiểm tra – có thành phần…');
    expect(body.querySelectorAll('h2').map((h) => h.id)).toEqual([`ảnh-và-trích-dẫn-${MARK}`, `ghi-chú-và-tài-liệu-${MARK}`]);
    expect(squash(body.querySelector('figure.mdx-figure figcaption')!.text)).toBe(`Chú thích ảnh trong bài ${MARK}`);
    const quote = body.querySelector('figure.mdx-quote')!;
    expect(squash(quote.querySelector('blockquote')!.text)).toBe(`Lời Bác kiểm tra ${MARK}.`);
    expect(squash(quote.querySelector('figcaption')!.text)).toBe(`— Chủ tịch Hồ Chí Minh, Nguồn trích dẫn ${MARK}`);
    const note = body.querySelector('.mdx-note[role="note"]')!;
    expect(squash(note.querySelector('.mdx-note-title')!.text)).toBe(`Lưu ý kiểm tra ${MARK}`);
    expect(note.querySelector('strong')!.text).toBe('ghi chú');
    expect(note.querySelector('sub')!.text).toBe('2');
    const video = body.querySelector('figure.mdx-video')!;
    expect(video.querySelector('iframe')!.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(video.querySelector('details')!.hasAttribute('open')).toBe(false);
  });

  test('an image in the body is optimised, with its size and alt text', () => {
    const img = doc(`/bai-viet/${newSlug}/`).querySelector('main .prose figure.mdx-figure img')!;
    expect(img.getAttribute('alt')).toBe(bodyImageAlt);
    expect(img.getAttribute('src')).toMatch(/^\/_astro\/anh-trong-bai\.[\w-]+\.webp$/);
    expect(Number(img.getAttribute('width'))).toBe(900);
    expect(Number(img.getAttribute('height'))).toBe(600);
    expect(fileForPath(site(), img.getAttribute('src')!)).toBeDefined();
  });

  test('a document offered in the body downloads from beside the page', () => {
    const link = doc(`/bai-viet/${newSlug}/`).querySelector('main .prose .mdx-download a')!;
    expect(squash(link.text)).toBe(`Tài liệu kiểm tra ${MARK} (PDF)`);
    const served = fileForPath(site(), new URL(link.getAttribute('href')!, `${origin}/bai-viet/${newSlug}/`).pathname);
    expect(served).toBeDefined();
    expect(readFileSync(served!).equals(bodyDocument)).toBe(true);
  });

  test('the invitation is listed on /thong-bao/ and /thong-bao/loai/giay-moi/ and shows its number, date, time, place and attachment', () => {
    expect(listingLinksTo(site(), '/thong-bao/', `/thong-bao/${noticeSlug}/`)).toBe(true);
    expect(listingLinksTo(site(), '/thong-bao/loai/giay-moi/', `/thong-bao/${noticeSlug}/`)).toBe(true);
    const d = doc(`/thong-bao/${noticeSlug}/`);
    const text = squash(d.querySelector('main article')!.text);
    expect(text).toContain('99-GM/ĐUK');
    expect(text).toContain('Giấy mời');
    expect(text).toContain(formatDate(noticeDate));
    expect(text).toContain(formatEventTime(eventStart));
    expect(formatEventTime(eventStart)).toMatch(/^08:00, /);
    expect(text).toContain(location);
    const link = d.querySelectorAll('main a[href]').find((a) => squash(a.text) === 'Giấy mời kiểm tra (PDF)');
    expect(link).toBeDefined();
    const served = fileForPath(site(), new URL(link!.getAttribute('href')!, `${origin}/thong-bao/${noticeSlug}/`).pathname);
    expect(served).toBeDefined();
    expect(readFileSync(served!).equals(pdf)).toBe(true);
  });

  test('all internal links of this build resolve, including the added cover and attachment', () => {
    const { problems } = checkLinks(site(), origin);
    // The 404 page's own address is checked by site-output.test.ts; here only what the added entries bring matters.
    expect(problems.filter((p) => p.page !== '/404.html')).toEqual([]);
  });

  test('drafts and scheduled entries appear in no page, feed, sitemap or data file, and have no URL', () => {
    const files = siteFiles(site()).filter((f) => /\.(html|xml|json|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const needles = hidden.flatMap((h) => [h.title, h.slug, ...(h.tag ? [h.tag] : [])]).concat([`the-ban-nhap-${MARK}`, `the-tuong-lai-${MARK}`]);
    const found = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return needles.filter((n) => text.includes(n)).map((n) => `${f.slice(site().length)}: ${n}`);
    });
    expect(found).toEqual([]);
    for (const h of hidden) {
      const path = h.rel.startsWith('articles/') ? `/bai-viet/${h.slug}/` : h.rel.startsWith('notices/') ? `/thong-bao/${h.slug}/` : `/${h.slug}/`;
      expect(existsSync(pageFile(site(), path)), path).toBe(false);
    }
    expect(existsSync(pageFile(site(), '/luu-tru/2031/')), 'no archive for a year with only scheduled articles').toBe(false);
  });
});

describe('entries that break the content contract stop the build', () => {
  const validArticle = (title: string, extra = '') =>
    `title: ${title}\nsummary: Tóm tắt hợp lệ.\ndate: 2019-03-03T08:00\ncategory: ${readSiteContent().categories[0].slug}\n${extra}`;

  async function expectFailure(corpus: Corpus, mentions: (string | RegExp)[]) {
    const result = await build(corpus);
    expect(result.code, result.output.slice(-3000)).not.toBe(0);
    for (const m of mentions) {
      if (typeof m === 'string') expect(result.output, `the output names ${m}`).toContain(m);
      else expect(result.output, `the output matches ${m}`).toMatch(m);
    }
    expect(existsSync(join(corpus.out, 'index.html')), 'no site is written').toBe(false);
    return result;
  }

  test('an article without `summary` fails, naming the file and the field', async () => {
    const corpus = newCorpus('no-summary');
    write(corpus, `articles/2019/thieu-tom-tat-${MARK}.mdx`, mdx(`title: Thiếu tóm tắt\ndate: 2019-01-01T08:00\ncategory: ${readSiteContent().categories[0].slug}`));
    await expectFailure(corpus, [`articles/2019/thieu-tom-tat-${MARK}.mdx`, /\bsummary\b/]);
  });

  test('an article with an impossible `date` fails, naming the file and the field', async () => {
    const corpus = newCorpus('bad-date');
    write(corpus, `articles/2019/ngay-sai-${MARK}.mdx`, mdx(validArticle('Ngày không có thật').replace('date: 2019-03-03T08:00', 'date: 2019-02-30T08:00')));
    await expectFailure(corpus, [`articles/2019/ngay-sai-${MARK}.mdx`, /\bdate\b/]);
  });

  test('two articles with one slug in different year folders fail, naming both files', async () => {
    const corpus = newCorpus('same-slug');
    write(corpus, `articles/2019/trung-duong-dan-${MARK}.mdx`, mdx(validArticle('Bài thứ nhất')));
    write(corpus, `articles/2020/trung-duong-dan-${MARK}/index.mdx`, mdx(validArticle('Bài thứ hai')));
    await expectFailure(corpus, [`articles/2019/trung-duong-dan-${MARK}.mdx`, `articles/2020/trung-duong-dan-${MARK}/index.mdx`]);
  });

  test('an article in a category that does not exist fails, naming the file and the category', async () => {
    const corpus = newCorpus('no-category');
    write(corpus, `articles/2019/sai-chuyen-muc-${MARK}.mdx`, mdx(validArticle('Sai chuyên mục').replace(/category: .*/, `category: chuyen-muc-khong-co-${MARK}`)));
    await expectFailure(corpus, [`articles/2019/sai-chuyen-muc-${MARK}.mdx`, `chuyen-muc-khong-co-${MARK}`]);
  });
});

/**
 * The built sample site (built once, in UTC, by tests/support/global-build.ts), checked against what
 * the content files say it must show. Nothing here names a sample entry: the expectations come from
 * content/ and the publish rules (not a draft, not dated after the build).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { formatDate, formatDateline, formatEventTime, parseVietnamDate, toVietnamIso } from '../../src/lib/dates';
import {
  byDateDesc,
  expectedDate,
  expectedDateline,
  intlVietnamParts,
  NOTICE_KIND_LABELS,
  publishState,
  readSiteContent,
  writtenWallClock,
  type Entry,
} from '../support/site-content';
import {
  checkCssUrls,
  checkLinks,
  elements,
  fileForPath,
  listingLinksTo,
  listingPages,
  pageFile,
  readHtml,
  siteFiles,
  squash,
  strippedText,
  urlPathOf,
  xmlProblems,
  xmlTexts,
} from '../support/site-html';

const siteDir = resolve(inject('siteDir'));
const content = readSiteContent();
/** The sitemap is written last: the build read its clock before this. */
const builtAt = statSync(join(siteDir, 'sitemap-index.xml')).mtime;
const state = (e: Entry) => publishState(e, builtAt);
const published = (list: Entry[]) => list.filter((e) => state(e) === 'published').sort((a, b) => (a.date && b.date ? byDateDesc(a, b) : 0));
const unpublished = (list: Entry[]) => list.filter((e) => state(e) === 'unpublished');
const uncertainSlugs = new Set([...content.articles, ...content.notices].filter((e) => state(e) === 'uncertain').map((e) => e.slug));

const articles = published(content.articles);
const notices = published(content.notices);
const pages = published(content.pages);
const { siteName, organization } = content.settings;
const categoryName = (slug: string) => content.categories.find((c) => c.slug === slug)?.name;

const articlePath = (slug: string) => `/bai-viet/${slug}/`;
const noticePath = (slug: string) => `/thong-bao/${slug}/`;
const categoryPath = (slug: string) => `/chuyen-muc/${slug}/`;

const htmlFiles = siteFiles(siteDir).filter((f) => f.endsWith('.html'));
const home = readHtml(join(siteDir, 'index.html')).doc;
const siteOrigin = new URL(home.querySelector('link[rel="canonical"]')!.getAttribute('href')!).origin;

const doc = (pathname: string) => readHtml(pageFile(siteDir, pathname)).doc;
const html = (pathname: string) => readHtml(pageFile(siteDir, pathname)).html;
/** The part of a page that is the page's own content: `main` without the sidebar. */
const ownContent = (pathname: string) => {
  const main = doc(pathname).querySelector('main')!;
  return { main, inOwn: (el: { closest(s: string): unknown }) => !el.closest('aside') };
};
/** The distinct article links of a listing's own content (a card links twice: image and heading), in order. */
function listedArticles(pathname: string): string[] {
  const { main, inOwn } = ownContent(pathname);
  const hrefs = main
    .querySelectorAll('a[href^="/bai-viet/"]')
    .filter(inOwn)
    .map((a) => a.getAttribute('href')!);
  return hrefs.filter((h, i) => hrefs.indexOf(h) === i);
}
/** A simple comparison key for tag labels: no tone marks, lower case, words joined by '-'. */
const tagKey = (t: string) =>
  t
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

describe('pages for entries', () => {
  test('the content has published articles to check', () => {
    expect(articles.length).toBeGreaterThan(0);
    expect(content.categories.length).toBeGreaterThan(0);
  });

  test('every published article has /bai-viet/<slug>/ with its title as the heading', () => {
    const missing = articles.filter((a) => !existsSync(pageFile(siteDir, articlePath(a.slug)))).map((a) => a.rel);
    expect(missing).toEqual([]);
    for (const a of articles) expect(squash(doc(articlePath(a.slug)).querySelector('h1')!.text), a.rel).toBe(squash(String(a.data.title)));
  });

  test('every published notice has /thong-bao/<slug>/ with its title as the heading', () => {
    const missing = notices.filter((n) => !existsSync(pageFile(siteDir, noticePath(n.slug)))).map((n) => n.rel);
    expect(missing).toEqual([]);
    for (const n of notices) expect(squash(doc(noticePath(n.slug)).querySelector('h1')!.text), n.rel).toBe(squash(String(n.data.title)));
  });

  test('every category has /chuyen-muc/<slug>/ headed by its name', () => {
    for (const c of content.categories) {
      expect(existsSync(pageFile(siteDir, categoryPath(c.slug))), c.slug).toBe(true);
      expect(squash(doc(categoryPath(c.slug)).querySelector('h1')!.text)).toBe(squash(c.name));
    }
  });

  test('every published static page has /<slug>/ headed by its title', () => {
    for (const p of pages) {
      expect(existsSync(pageFile(siteDir, `/${p.slug}/`)), p.rel).toBe(true);
      expect(squash(doc(`/${p.slug}/`).querySelector('h1')!.text)).toBe(squash(String(p.data.title)));
    }
  });

  test('drafts and scheduled (future-dated) entries have no page and are linked from nowhere', () => {
    const hidden = [
      ...unpublished(content.articles).map((e) => ({ e, path: articlePath(e.slug) })),
      ...unpublished(content.notices).map((e) => ({ e, path: noticePath(e.slug) })),
      ...unpublished(content.pages).map((e) => ({ e, path: `/${e.slug}/` })),
    ];
    const shown = hidden.filter(({ path }) => existsSync(pageFile(siteDir, path))).map(({ e }) => e.rel);
    expect(shown).toEqual([]);
    const linked = hidden.filter(({ path }) => htmlFiles.some((f) => readHtml(f).html.includes(`href="${path}"`))).map(({ e }) => e.rel);
    expect(linked).toEqual([]);
  });

  test('each category listing lists exactly its published articles, newest first, over all its pages', () => {
    for (const c of content.categories) {
      const expected = articles.filter((a) => a.data.category === c.slug).map((a) => articlePath(a.slug));
      const listed = listingPages(siteDir, categoryPath(c.slug))
        .flatMap(listedArticles)
        .filter((h) => !uncertainSlugs.has(h.split('/')[2]));
      expect(listed, c.slug).toEqual(expected);
    }
  });

  test('each published article is in the year archive of its Vietnamese calendar year', () => {
    for (const a of articles) {
      const year = intlVietnamParts(a.date!).year;
      expect(listingLinksTo(siteDir, `/luu-tru/${year}/`, articlePath(a.slug)), `${a.rel} in /luu-tru/${year}/`).toBe(true);
    }
  });

  test("an article's tags are shown as “Từ khóa” links, and each tag page lists the article", () => {
    for (const a of articles) {
      const tags = (a.data.tags as string[] | undefined) ?? [];
      const links = doc(articlePath(a.slug))
        .querySelectorAll('a[rel~="tag"]')
        .filter((l) => !l.closest('aside'));
      for (const tag of tags) {
        const link = links.find((l) => tagKey(l.text) === tagKey(tag));
        expect(link, `${a.rel}: tag "${tag}"`).toBeDefined();
        const href = link!.getAttribute('href')!;
        expect(href).toMatch(/^\/tu-khoa\/[a-z0-9-]+\/$/);
        expect(listingLinksTo(siteDir, href, articlePath(a.slug)), `${href} lists ${a.slug}`).toBe(true);
      }
    }
  });
});

describe('every HTML page', () => {
  test('has lang="vi", a title, exactly one h1, one main landmark and a working skip link first', () => {
    expect(htmlFiles.length).toBeGreaterThan(articles.length);
    const problems: string[] = [];
    for (const file of htmlFiles) {
      const page = urlPathOf(siteDir, file);
      const { doc: d } = readHtml(file);
      if (d.querySelector('html')?.getAttribute('lang') !== 'vi') problems.push(`${page}: <html lang> is not "vi"`);
      const titles = d.querySelectorAll('head title');
      if (titles.length !== 1 || squash(titles[0].text) === '') problems.push(`${page}: needs one non-empty <title>`);
      const h1s = d.querySelectorAll('h1');
      if (h1s.length !== 1 || squash(h1s[0].text) === '') problems.push(`${page}: has ${h1s.length} <h1>`);
      const mains = elements(d).filter((el) => el.tagName === 'MAIN' || el.getAttribute('role') === 'main');
      if (mains.length !== 1) problems.push(`${page}: has ${mains.length} main landmarks`);
      const firstLink = d.querySelector('body a[href]');
      const target = firstLink?.getAttribute('href');
      if (!target?.startsWith('#')) problems.push(`${page}: the first link is not a skip link (${target})`);
      else if (!d.querySelector(target) || d.querySelector(target) !== mains[0]) problems.push(`${page}: the skip link ${target} does not lead to main`);
    }
    expect(problems).toEqual([]);
  });

  test('the site title: the page title followed by the site name, the home page the site name', () => {
    expect(squash(home.querySelector('title')!.text)).toBe(siteName);
    for (const a of articles) {
      expect(squash(doc(articlePath(a.slug)).querySelector('title')!.text)).toBe(`${squash(String(a.data.title))} – ${siteName}`);
    }
  });
});

describe('links', () => {
  test('every internal href, src, srcset, form action and #fragment resolves to a file of the build', () => {
    const { problems, checked } = checkLinks(siteDir, siteOrigin);
    expect(checked).toBeGreaterThan(htmlFiles.length);
    expect(problems).toEqual([]);
  });

  test('every url() in the style sheets (fonts, images) resolves to a file of the build', () => {
    const { problems } = checkCssUrls(siteDir, siteOrigin);
    expect(problems).toEqual([]);
  });

  test('each attachment of a published notice is linked from it and served byte for byte', () => {
    for (const n of notices) {
      const attachments = (n.data.attachments as { file: string; title: string }[] | undefined) ?? [];
      const links = doc(noticePath(n.slug)).querySelectorAll('main a[href]');
      for (const att of attachments) {
        const source = resolve(dirname(n.file), att.file);
        const link = links.find((l) => squash(l.text) === squash(att.title));
        expect(link, `${n.rel}: link "${att.title}"`).toBeDefined();
        const served = fileForPath(siteDir, new URL(link!.getAttribute('href')!, `${siteOrigin}${noticePath(n.slug)}`).pathname);
        expect(served, `${n.rel}: ${att.file}`).toBeDefined();
        expect(readFileSync(served!).equals(readFileSync(source)), `${att.file} is the editor's file`).toBe(true);
      }
    }
  });
});

describe('dates in Asia/Ho_Chi_Minh on a UTC build machine', () => {
  test('each article shows its dateline and <time datetime> in Vietnam time', () => {
    for (const a of articles) {
      const iso = toVietnamIso(a.date!);
      const dateline = formatDateline(a.date!);
      // The site's formatter against an independent one (Intl), and against what the editor wrote.
      expect(dateline, a.rel).toBe(expectedDateline(a.date!));
      const written = writtenWallClock(a.dateText!);
      if (written) expect(dateline, `${a.rel}: ${a.dateText}`).toContain(`${written.day} · ${written.time}`);
      expect(iso).toMatch(/\+07:00$/);
      const { main, inOwn } = ownContent(articlePath(a.slug));
      const times = main.querySelectorAll('time').filter(inOwn);
      const shown = times.find((t) => t.getAttribute('datetime') === iso);
      expect(shown, `${a.rel}: <time datetime="${iso}">`).toBeDefined();
      expect(squash(shown!.text), a.rel).toBe(dateline);
    }
  });

  test('an article dated between 00:00 and 06:59 (+07:00) shows the Vietnamese calendar day, not the UTC one', () => {
    const early = articles.filter((a) => Number(intlVietnamParts(a.date!).hour) < 7);
    for (const a of early) {
      const day = expectedDate(a.date!);
      const utcDay = `${String(a.date!.getUTCDate()).padStart(2, '0')}/${String(a.date!.getUTCMonth() + 1).padStart(2, '0')}/${a.date!.getUTCFullYear()}`;
      expect(day).not.toBe(utcDay);
      const text = strippedText(html(articlePath(a.slug)));
      expect(text, a.rel).toContain(formatDateline(a.date!));
      expect(text.includes(`${utcDay} ·`), `${a.rel} shows the UTC day ${utcDay}`).toBe(false);
    }
  });

  test('each notice shows its issue date, kind, number and, for an invitation, when and where', () => {
    for (const n of notices) {
      const d = doc(noticePath(n.slug));
      const { inOwn } = ownContent(noticePath(n.slug));
      const text = squash(d.querySelector('main')!.querySelectorAll('article').filter(inOwn)[0]?.text ?? '');
      const issued = d.querySelectorAll('main time').filter(inOwn).find((t) => t.getAttribute('datetime') === toVietnamIso(n.date!));
      expect(issued, `${n.rel}: <time datetime="${toVietnamIso(n.date!)}">`).toBeDefined();
      expect(squash(issued!.text)).toBe(formatDate(n.date!));
      expect(formatDate(n.date!)).toBe(expectedDate(n.date!));
      expect(text, n.rel).toContain(NOTICE_KIND_LABELS[String(n.data.kind)]);
      if (n.data.number) expect(text, n.rel).toContain(String(n.data.number));
      const event = n.data.event as { start?: string; end?: string; location?: string } | undefined;
      if (event?.start) expect(text, n.rel).toContain(formatEventTime(parseVietnamDate(event.start)!));
      if (event?.location) expect(text, n.rel).toContain(squash(event.location));
    }
  });
});

describe('feed and sitemap', () => {
  const rss = readFileSync(join(siteDir, 'rss.xml'), 'utf8');

  test('rss.xml is well-formed RSS 2.0 with absolute links', () => {
    expect(rss.startsWith('<?xml')).toBe(true);
    expect(xmlProblems(rss)).toEqual([]);
    expect(rss).toMatch(/<rss[^>]*version="2\.0"/);
    const links = xmlTexts(rss, 'link');
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(link.startsWith(`${siteOrigin}/`), link).toBe(true);
  });

  test('rss.xml lists the newest articles, newest first, each with its publication time', () => {
    const items = xmlTexts(rss, 'item');
    expect(items.length).toBeGreaterThan(0);
    const itemLinks = items.map((item) => xmlTexts(item, 'link')[0]);
    // The feed holds the newest entries, articles and notices together (at most as many as it shows).
    const newest = [...articles, ...notices].sort(byDateDesc).slice(0, items.length);
    const expectedArticles = newest.filter((e) => e.collection === 'articles');
    expect(expectedArticles.length).toBeGreaterThan(0);
    for (const a of expectedArticles) {
      const i = itemLinks.indexOf(`${siteOrigin}${articlePath(a.slug)}`);
      expect(i, `${a.rel} in rss.xml`).toBeGreaterThanOrEqual(0);
      expect(squash(xmlTexts(items[i], 'title')[0])).toBe(squash(String(a.data.title)));
      expect(new Date(xmlTexts(items[i], 'pubDate')[0]).getTime(), a.rel).toBe(Math.floor(a.date!.getTime() / 1000) * 1000);
    }
    const dates = items.map((item) => new Date(xmlTexts(item, 'pubDate')[0]).getTime());
    expect(dates).toEqual([...dates].sort((x, y) => y - x));
  });

  test('sitemap-index.xml leads to sitemaps that list every published page and no 404', () => {
    const index = readFileSync(join(siteDir, 'sitemap-index.xml'), 'utf8');
    expect(xmlProblems(index)).toEqual([]);
    const sitemaps = xmlTexts(index, 'loc');
    expect(sitemaps).toContain(`${siteOrigin}/sitemap-0.xml`);
    const locs = sitemaps.flatMap((loc) => {
      const file = fileForPath(siteDir, new URL(loc).pathname);
      expect(file, loc).toBeDefined();
      const xml = readFileSync(file!, 'utf8');
      expect(xmlProblems(xml)).toEqual([]);
      return xmlTexts(xml, 'loc');
    });
    const expected = [
      '/',
      ...articles.map((a) => articlePath(a.slug)),
      ...notices.map((n) => noticePath(n.slug)),
      ...content.categories.map((c) => categoryPath(c.slug)),
      ...pages.map((p) => `/${p.slug}/`),
    ].map((p) => `${siteOrigin}${p}`);
    expect(expected.filter((l) => !locs.includes(l))).toEqual([]);
    expect(locs.filter((l) => /\/404(\.html|\/)?$/.test(new URL(l).pathname))).toEqual([]);
    for (const loc of locs) expect(fileForPath(siteDir, new URL(loc).pathname), `${loc} is a page of the build`).toBeDefined();
    const hidden = [...unpublished(content.articles), ...unpublished(content.notices)].map((e) => `/${e.slug}/`);
    expect(locs.filter((l) => hidden.some((h) => l.endsWith(h)))).toEqual([]);
  });
});

describe('metadata and images of articles', () => {
  test('JSON-LD NewsArticle with the headline and a +07:00 publication time; canonical and og:title', () => {
    for (const a of articles) {
      const d = doc(articlePath(a.slug));
      const blocks = d.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.rawText));
      const news = blocks.flat().find((b) => b['@type'] === 'NewsArticle');
      expect(news, `${a.rel}: NewsArticle JSON-LD`).toBeDefined();
      expect(news.headline).toBe(a.data.title);
      expect(news.datePublished).toBe(toVietnamIso(a.date!));
      expect(news.datePublished).toMatch(/\+07:00$/);
      expect(new Date(news.datePublished).getTime()).toBe(Math.floor(a.date!.getTime() / 1000) * 1000);
      const canonical = d.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical).toBe(`${siteOrigin}${articlePath(a.slug)}`);
      expect(d.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(a.data.title);
      if (news.image) for (const img of [news.image].flat()) expect(fileForPath(siteDir, new URL(img).pathname), img).toBeDefined();
    }
  });

  test('a cover renders as <picture> with AVIF and WebP sources and an <img> with width, height and its alt text', () => {
    for (const a of articles.filter((x) => x.data.cover)) {
      const cover = a.data.cover as { alt: string };
      const { main, inOwn } = ownContent(articlePath(a.slug));
      const img = main
        .querySelectorAll('picture img')
        .filter(inOwn)
        .find((i) => squash(i.getAttribute('alt') ?? '') === squash(cover.alt));
      expect(img, `${a.rel}: cover <img alt="${cover.alt}">`).toBeDefined();
      expect(squash(img!.getAttribute('alt')!)).not.toBe('');
      expect(Number(img!.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(img!.getAttribute('height'))).toBeGreaterThan(0);
      const types = img!.closest('picture')!.querySelectorAll('source').map((s) => s.getAttribute('type'));
      expect(types).toContain('image/avif');
      expect(types).toContain('image/webp');
    }
  });

  test('every <picture> on the site offers AVIF and WebP and an <img> with width, height and an alt attribute', () => {
    const problems: string[] = [];
    for (const file of htmlFiles) {
      for (const picture of readHtml(file).doc.querySelectorAll('picture')) {
        const where = urlPathOf(siteDir, file);
        const types = picture.querySelectorAll('source').map((s) => s.getAttribute('type'));
        if (!types.includes('image/avif') || !types.includes('image/webp')) problems.push(`${where}: sources ${types.join(', ')}`);
        const img = picture.querySelector('img');
        if (!img) problems.push(`${where}: <picture> without <img>`);
        else {
          if (!(Number(img.getAttribute('width')) > 0 && Number(img.getAttribute('height')) > 0)) problems.push(`${where}: <img> without width/height`);
          if (img.getAttribute('alt') === undefined) problems.push(`${where}: <img> without alt`);
          // An image without a text alternative must be hidden from assistive technology (decorative).
          if (img.getAttribute('alt') === '' && !picture.closest('[aria-hidden="true"]')) problems.push(`${where}: empty alt on an image that is not hidden`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('JavaScript and CSS budgets', () => {
  const JS_BUDGET = 20 * 1024;
  const CSS_BUDGET = 32 * 1024;
  /** Bytes of JavaScript or CSS a page loads on its own: inline, and files it links (not counting what scripts import later). */
  const assetBytes = (pathname: string, kind: 'js' | 'css') => {
    const d = doc(pathname);
    const seen = new Set<string>();
    const add = (href: string) => seen.add(new URL(href, `${siteOrigin}${pathname}`).pathname);
    let bytes = 0;
    if (kind === 'js') {
      for (const script of d.querySelectorAll('script')) {
        const type = (script.getAttribute('type') ?? '').toLowerCase();
        if (type === 'application/ld+json' || type === 'application/json' || type === 'importmap' || type === 'speculationrules') continue;
        const src = script.getAttribute('src');
        if (src) add(src);
        else bytes += Buffer.byteLength(script.rawText);
      }
      for (const link of d.querySelectorAll('link[rel~="modulepreload"], link[rel~="preload"][as="script"]')) add(link.getAttribute('href')!);
    } else {
      for (const style of d.querySelectorAll('style')) bytes += Buffer.byteLength(style.rawText);
      for (const link of d.querySelectorAll('link[rel~="stylesheet"]')) add(link.getAttribute('href')!);
    }
    for (const path of seen) {
      const file = fileForPath(siteDir, path);
      expect(file, `${pathname} loads ${path}`).toBeDefined();
      bytes += statSync(file!).size;
    }
    return bytes;
  };
  const pages = () => [
    '/',
    '/tim-kiem/',
    ...articles.map((a) => articlePath(a.slug)),
    ...content.categories.flatMap((c) => listingPages(siteDir, categoryPath(c.slug))),
    ...listingPages(siteDir, '/thong-bao/'),
  ];

  test('the home page, the search page, every article, every category listing page and the notices list load at most 20 KiB of JavaScript', () => {
    const over = pages().map((p) => ({ p, bytes: assetBytes(p, 'js') })).filter(({ bytes }) => bytes > JS_BUDGET);
    expect(over).toEqual([]);
  });

  test('… and at most 32 KiB of CSS', () => {
    const sizes = pages().map((p) => ({ p, bytes: assetBytes(p, 'css') }));
    expect(sizes.every(({ bytes }) => bytes > 0)).toBe(true);
    expect(sizes.filter(({ bytes }) => bytes > CSS_BUDGET)).toEqual([]);
  });
});

describe('white space between inline elements (no glued Vietnamese syllables)', () => {
  test('article pages show the title, dateline, category, site and organisation names with their spaces', () => {
    for (const a of articles) {
      const text = strippedText(html(articlePath(a.slug)));
      const expected = [squash(String(a.data.title)), formatDateline(a.date!), squash(categoryName(String(a.data.category))!), squash(siteName), squash(organization)];
      for (const phrase of expected) expect(text.includes(phrase), `${a.rel}: "${phrase}"`).toBe(true);
      // The site name stands as a phrase of its own, not run into the next words.
      expect(text, a.rel).toMatch(new RegExp(`${squash(siteName).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u'));
    }
  });

  test('meta lines of the notices list keep the spaces around the number, the separator and the date', () => {
    const text = listingPages(siteDir, '/thong-bao/').map((p) => strippedText(html(p))).join(' ');
    for (const n of notices) {
      const meta = n.data.number ? `Số, ký hiệu: ${String(n.data.number)} · ${formatDate(n.date!)}` : formatDate(n.date!);
      expect(text, n.rel).toContain(meta);
    }
  });
});

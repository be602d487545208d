/**
 * A reader on a phone, in real Chromium, against the global build served as a plain static site.
 * What the pages must show is read from the content files, not from a list of sample entries.
 */
import { resolve } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { useSiteBrowser } from '../support/site-browser';
import { NOTICE_KIND_LABELS, readSiteContent } from '../support/site-content';
import { findGluedText } from '../support/reader-text';

const siteDir = resolve(inject('siteDir'));
const content = readSiteContent();
const { siteName, organization } = content.settings;
const PHONE = { width: 390, height: 844 };
const lower = (s: string) => s.toLocaleLowerCase('vi').replace(/\s+/g, ' ');

const site = useSiteBrowser(siteDir);

interface ReaderPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests seen so far. */
  errors: string[];
}

/** A fresh phone-sized tab that records every console error, page error and failed request. */
async function phonePage(): Promise<ReaderPage> {
  const context = await site.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    // Loads cut short by leaving the page (net::ERR_ABORTED) are not failures of the site.
    const reason = req.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) errors.push(`request failed: ${req.url()} ${reason}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && res.request().resourceType() !== 'document') errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { page, errors };
}

const url = (path: string) => `${site.origin}${path}`;
const pathOf = (page: Page) => new URL(page.url()).pathname;
const slugOf = (path: string) => path.split('/').filter(Boolean).pop()!;

/** Checks what every page must give a phone reader: no sideways scrolling and no words run together. */
async function checkReadable(page: Page) {
  const where = pathOf(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${where} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
  expect(await page.evaluate(findGluedText), `${where}: words run together`).toEqual([]);
}

describe('the run-together check itself', () => {
  test('finds words glued by markup, and accepts words that CSS or spaces separate', async () => {
    const { page } = await phonePage();
    await page.setContent(`<!doctype html><html lang="vi"><body>
      <p id="glued"><span>Đảng bộ Khối các cơ quan tỉnh</span><span>Học tập</span></p>
      <p><span>có dấu</span> <span>cách</span></p>
      <ul style="display:flex;gap:.5rem;list-style:none"><li>Trang chủ</li><li>Tin hoạt động</li></ul>
      <p><strong style="display:block">Lưu trữ năm 2026</strong>5 bài viết</p>
      <p><a href="#">Facebook<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)"> (ẩn)</span></a></p>
    </body></html>`);
    expect(await page.evaluate(findGluedText)).toEqual([{ before: 'Đảng bộ Khối các cơ quan tỉnh', after: 'Học tập' }]);
  });
});

describe('a reader on a phone', () => {
  test('home → newest article → its category; the notices; every page without errors', async () => {
    const { page, errors } = await phonePage();

    const home = await page.goto(url('/'));
    expect(home?.status()).toBe(200);
    expect(await page.title()).toBe(siteName);
    await expect.poll(() => page.getByRole('heading', { name: 'Thông báo – mời họp' }).isVisible()).toBe(true);
    await checkReadable(page);

    // The first article of "Tin mới".
    const latest = page.getByRole('region', { name: 'Tin mới', exact: true });
    // The first link a reader (or a screen reader) meets there: the headline of the newest card.
    const firstLink = latest.getByRole('link').first();
    const linkText = (await firstLink.innerText()).trim();
    expect(linkText).not.toBe('');
    await Promise.all([page.waitForURL('**/bai-viet/**'), firstLink.click()]);

    // The article.
    const articlePath = pathOf(page);
    expect(articlePath).toMatch(/^\/bai-viet\/[a-z0-9-]+\/$/);
    const entry = content.articles.find((a) => a.slug === slugOf(articlePath));
    expect(entry, `a content file for ${articlePath}`).toBeDefined();
    const h1 = page.getByRole('heading', { level: 1 });
    expect((await h1.innerText()).trim().toLocaleLowerCase('vi')).toBe(linkText.toLocaleLowerCase('vi'));
    expect((await h1.textContent())?.trim()).toBe(entry!.data.title);
    const category = content.categories.find((c) => c.slug === entry!.data.category)!;
    const categoryPath = `/chuyen-muc/${category.slug}/`;
    const breadcrumb = page.getByRole('navigation', { name: 'Đường dẫn' });
    expect(await breadcrumb.isVisible()).toBe(true);
    expect(await breadcrumb.getByRole('link', { name: 'Trang chủ' }).getAttribute('href')).toBe('/');
    expect(await breadcrumb.getByRole('link', { name: category.name }).getAttribute('href')).toBe(categoryPath);
    const categoryLink = page.locator(`main article a[href="${categoryPath}"]`).first();
    expect(await categoryLink.isVisible()).toBe(true);
    // The site's name is read with its spaces (the header shows it in capitals).
    const bodyText = await page.evaluate(() => document.body.innerText);
    expect(lower(bodyText)).toContain(lower(siteName));
    expect(lower(bodyText)).toContain(lower(organization));
    expect(bodyText).toContain(String(entry!.data.title));
    await checkReadable(page);

    // Its category lists it (on the first page, or a following one).
    await Promise.all([page.waitForURL(`**${categoryPath}`), categoryLink.click()]);
    expect((await page.getByRole('heading', { level: 1 }).innerText()).toLocaleLowerCase('vi')).toBe(category.name.toLocaleLowerCase('vi'));
    await checkReadable(page);
    for (;;) {
      const listed = page.locator(`main a[href="${articlePath}"]:not(aside *)`);
      if ((await listed.count()) > 0) {
        expect(await listed.last().isVisible()).toBe(true);
        break;
      }
      const next = page.locator('main a[rel="next"]');
      expect(await next.count(), `${categoryPath} lists ${articlePath}`).toBeGreaterThan(0);
      await Promise.all([page.waitForURL('**/trang/**'), next.first().click()]);
    }

    // The notices: open the first one.
    await page.goto(url('/thong-bao/'));
    await checkReadable(page);
    const firstNotice = page.locator('main a[href^="/thong-bao/"]:not([href="/thong-bao/"]):not([href^="/thong-bao/loai/"]):not([href^="/thong-bao/trang/"])').first();
    const noticeText = (await firstNotice.innerText()).trim();
    await Promise.all([page.waitForURL(/\/thong-bao\/[a-z0-9-]+\/$/), firstNotice.click()]);
    const notice = content.notices.find((n) => n.slug === slugOf(pathOf(page)));
    expect(notice, `a content file for ${pathOf(page)}`).toBeDefined();
    expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(noticeText);
    const noticeBody = await page.locator('main article').first().innerText();
    expect(noticeBody).toContain(NOTICE_KIND_LABELS[String(notice!.data.kind)]);
    if (notice!.data.number) {
      expect(noticeBody).toContain('Số, ký hiệu');
      expect(noticeBody).toContain(String(notice!.data.number));
    }
    await checkReadable(page);

    expect(errors).toEqual([]);
  });

  test('an unknown address shows the Vietnamese 404 page', async () => {
    const { page, errors } = await phonePage();
    const response = await page.goto(url('/khong-co-trang-nay/'));
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Về trang chủ' }).getAttribute('href')).toBe('/');
    await checkReadable(page);
    // Chromium reports the 404 status of the page itself; nothing else may fail.
    expect(errors.filter((e) => !(e.includes('404') && e.includes('/khong-co-trang-nay/')))).toEqual([]);
  });

  test('the first Tab reaches the skip link, and it leads to the main content', async () => {
    const { page, errors } = await phonePage();
    await page.goto(url('/'));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      const box = el?.getBoundingClientRect();
      return { tag: el?.tagName, href: el?.getAttribute('href'), text: el?.textContent?.trim(), onScreen: !!box && box.bottom > 0 && box.top < innerHeight && box.width > 0 };
    });
    expect(focused).toEqual({ tag: 'A', href: '#noi-dung', text: 'Bỏ qua, đến nội dung chính', onScreen: true });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/#noi-dung');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    expect(errors).toEqual([]);
  });

  test('searching "hội nghị" from the header goes to /tim-kiem/ with the query encoded', async () => {
    const { page, errors } = await phonePage();
    await page.goto(url('/'));
    const form = page.locator('header').getByRole('search');
    await form.getByRole('searchbox').fill('hội nghị');
    await Promise.all([page.waitForURL('**/tim-kiem/**'), form.getByRole('searchbox').press('Enter')]);
    const current = new URL(page.url());
    expect(current.pathname).toBe('/tim-kiem/');
    expect(current.searchParams.get('q')).toBe('hội nghị');
    expect(current.search).toMatch(/^\?q=h%E1%BB%99i(\+|%20)ngh%E1%BB%8B$/);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await checkReadable(page);
    expect(errors).toEqual([]);
  });
});

/**
 * The search page as a reader uses it, in Chromium against the built site under its real CSP:
 * results as they type, the URL kept in step, filters and order, Back, and bad input.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useSiteBrowser } from '../support/site-browser';

const site = useSiteBrowser(inject('siteDir'));

interface Shown {
  status: string;
  links: string[];
  badges: string[];
  dates: string[];
  marks: string[];
  linksPerItem: number[];
}

async function openPage(path = '/tim-kiem/', before?: (page: Page) => Promise<unknown>): Promise<{ page: Page; errors: string[] }> {
  const page = await (await site.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' })).newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await before?.(page);
  await page.goto(site.origin + path);
  return { page, errors };
}

/** Waits until the page has answered (the status is no longer "searching"), then reads it. */
async function shown(page: Page): Promise<Shown> {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-search-status]')?.textContent ?? '';
    return s !== '' && !s.startsWith('Đang tìm');
  });
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('ol[data-search-results] > li')];
    return {
      status: document.querySelector('[data-search-status]')!.textContent!,
      links: items.map((li) => li.querySelector('a')!.getAttribute('href')!),
      badges: items.map((li) => li.querySelector('.badge')!.textContent!),
      dates: items.map((li) => /(\d\d)\/(\d\d)\/(\d{4})/.exec(li.querySelector('.meta')!.textContent!)?.slice(1).reverse().join('-') ?? ''),
      marks: [...document.querySelectorAll('[data-search-results] mark')].map((m) => m.textContent!),
      linksPerItem: items.map((li) => li.querySelectorAll('a').length),
    };
  });
}

describe('search page', () => {
  it('searches as the reader types, keeps the URL in step, and shows real Vietnamese letters', async () => {
    const { page, errors } = await openPage();
    expect((await shown(page)).status).toContain('Nhập từ khóa');
    await page.getByLabel('Từ khóa').pressSequentially('dang uy khoi', { delay: 30 });
    await page.waitForFunction(() => location.search.includes('q='));
    const result = await shown(page);
    expect(result.status).toMatch(/^Tìm thấy \d+ kết quả cho “dang uy khoi”\.$/);
    expect(result.links.length).toBeGreaterThan(0);
    expect(result.linksPerItem.every((n) => n === 1)).toBe(true);
    // Typed without marks and with d for đ; shown as written.
    expect(result.marks).toContain('Đảng');
    expect(new URL(page.url()).searchParams.get('q')).toBe('dang uy khoi');
    expect(await page.getAttribute('[data-search-status]', 'role')).toBe('status');
    expect(errors).toEqual([]);
  });

  it('restores the query from the URL, and after Back from a result', async () => {
    const { page } = await openPage('/tim-kiem/?q=h%E1%BB%8Dc%20t%E1%BA%ADp');
    const first = await shown(page);
    expect(await page.inputValue('#tu-khoa')).toBe('học tập');
    expect(first.links.length).toBeGreaterThan(0);
    await page.click(`ol[data-search-results] a[href="${first.links[0]}"]`);
    await page.waitForURL((url) => url.pathname === first.links[0]);
    await page.goBack();
    const again = await shown(page);
    expect(await page.inputValue('#tu-khoa')).toBe('học tập');
    expect(again.links).toEqual(first.links);
  });

  it('filters by content type and orders by date, with the choices in the URL', async () => {
    const { page } = await openPage('/tim-kiem/?q=dang');
    const all = await shown(page);
    await page.click('[data-search-filters] summary');
    await page.selectOption('select[name="loai"]', 'thong-bao');
    await page.waitForFunction(() => location.search.includes('loai=thong-bao'));
    const notices = await shown(page);
    expect(notices.links.length).toBeGreaterThan(0);
    expect(notices.links.length).toBeLessThan(all.links.length + 1);
    expect(notices.links.every((href) => href.startsWith('/thong-bao/'))).toBe(true);

    await page.selectOption('select[name="sap-xep"]', 'moi-nhat');
    await page.waitForFunction(() => location.search.includes('sap-xep=moi-nhat'));
    const newest = await shown(page);
    expect(newest.dates.length).toBeGreaterThan(1);
    expect([...newest.dates].sort().reverse()).toEqual(newest.dates);

    // A shared link opens with the same filters chosen, and in sight.
    const { page: shared } = await openPage(new URL(page.url()).pathname + new URL(page.url()).search);
    expect((await shown(shared)).links).toEqual(newest.links);
    expect(await shared.isVisible('select[name="loai"]')).toBe(true);
    expect(await shared.inputValue('select[name="loai"]')).toBe('thong-bao');
  });

  it('runs from the header search box on any page, with the keyboard', async () => {
    const { page } = await openPage('/gioi-thieu/');
    await page.fill('#o-tim-kiem', 'Chỉ thị 05');
    await page.press('#o-tim-kiem', 'Enter');
    await page.waitForURL(/\/tim-kiem\/\?q=/);
    const result = await shown(page);
    expect(decodeURIComponent(new URL(page.url()).search)).toContain('Chỉ+thị+05');
    expect(result.links.length).toBeGreaterThan(0);
  });

  it.each([
    ['an empty query', '', 'Nhập từ khóa'],
    ['only punctuation', '   ?!… ', 'ít nhất một chữ cái hoặc chữ số'],
    ['only emoji', '🇻🇳🙏', 'ít nhất một chữ cái hoặc chữ số'],
    ['words found nowhere', 'xyzzy qwxz', 'Không tìm thấy kết quả nào'],
    ['a word found nowhere beside known ones', 'hội nghị xyzzy', 'không thấy “xyzzy”'],
    ['1,000 characters', 'hội nghị '.repeat(112).slice(0, 1000), 'kết quả'],
  ])('answers %s sensibly, without errors', async (_, query, expected) => {
    const { page, errors } = await openPage(`/tim-kiem/?q=${encodeURIComponent(query)}`);
    const result = await shown(page);
    expect(result.status).toContain(expected);
    expect(errors).toEqual([]);
  });

  it('shows markup in the query as text and never runs it', async () => {
    const query = '<img src=x onerror="window.__hit=1"><script>window.__hit=2</script>';
    const { page, errors } = await openPage(`/tim-kiem/?q=${encodeURIComponent(query)}`);
    const result = await shown(page);
    expect(result.status).toContain('<img src=x');
    expect(await page.evaluate(() => (window as unknown as { __hit?: number }).__hit)).toBeUndefined();
    expect(await page.locator('[data-search-status] img, [data-search-status] script').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says the search could not be loaded when the results cannot be, rather than waiting for ever', async () => {
    const { page, errors } = await openPage(`/tim-kiem/?q=${encodeURIComponent('dang uy khoi')}`, (p) => p.route('**/tim-kiem/noi-dung/*.json', (route) => route.abort()));
    const result = await shown(page);
    expect(result.status).toBe('Không tải được chức năng tìm kiếm. Hãy kiểm tra kết nối mạng rồi tải lại trang.');
    expect(result.links).toEqual([]);
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });

  it('shows suggestions when nothing is found', async () => {
    const { page } = await openPage('/tim-kiem/?q=xyzzy');
    await shown(page);
    expect(await page.isVisible('[data-search-empty]')).toBe(true);
    expect(await page.locator('[data-search-empty] a').count()).toBeGreaterThan(0);
  });
});

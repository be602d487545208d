/**
 * The reader tools (listen, text size, contrast, print, share, reading aids) in real Chromium, against
 * the global build served as a plain static site. Which pages to visit is read from the content files.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import axe from 'axe-core';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { useSiteBrowser } from '../support/site-browser';
import { byDateDesc, readSiteContent, type Entry } from '../support/site-content';
import { pageFile } from '../support/site-html';
import { countWords, readingMinutes } from '../../src/lib/reading';
import { PREF_KEYS, TEXT_SIZES } from '../../src/lib/reader-prefs';

const siteDir = resolve(inject('siteDir'));
const content = readSiteContent();
const PHONE = { width: 390, height: 844 };

/** Entries that are on the built site (drafts and scheduled entries are not). */
const built = (entries: Entry[], base: string) => entries.filter((e) => existsSync(pageFile(siteDir, `${base}${e.slug}/`))).sort(byDateDesc);
const articles = built(content.articles, '/bai-viet/');
const notices = built(content.notices, '/thong-bao/');
const headingCount = (e: Entry) => (readFileSync(e.file, 'utf8').match(/^#{2,3} /gm) ?? []).length;
const withAudio = articles.find((a) => typeof a.data.audio === 'string')!;
const plain = articles.find((a) => !a.data.audio && headingCount(a) < 3)!;
const withToc = articles.find((a) => headingCount(a) >= 3)!;
const notice = notices[0];
const invitation = notices.find((n) => n.data.kind === 'giay-moi') ?? notice;
const articlePath = (e: Entry) => `/bai-viet/${e.slug}/`;

const site = useSiteBrowser(siteDir);

beforeAll(async () => {
  expect(withAudio, 'a published sample article with `audio`').toBeDefined();
  expect(plain, 'a published article without audio or table of contents').toBeDefined();
  expect(withToc, 'a published article with at least 3 h2/h3 headings').toBeDefined();
  expect(notice, 'a published notice').toBeDefined();
});

const url = (path: string) => `${site.origin}${path}`;

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.newContext({ viewport: PHONE, locale: 'vi-VN', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

const canonical = (page: Page) => page.locator('link[rel="canonical"]').getAttribute('href');

describe('text size and contrast', () => {
  test('A+ and high contrast persist to the next page, applied before first paint; A returns to normal', async () => {
    const page = await newPage();
    await page.goto(url(articlePath(plain)));
    const rootFontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await rootFontSize();
    const larger = page.getByRole('button', { name: 'Tăng cỡ chữ' });
    await larger.click();
    // Keyboard: the same button with Enter.
    await larger.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('data-text-size')).toBe('130');
    expect(await rootFontSize()).toBeCloseTo(normal * 1.3, 1);
    expect(await page.locator('[data-text-size-value]').textContent()).toBe('130%');
    const contrast = page.getByRole('button', { name: 'Tương phản cao' });
    await contrast.click();
    expect(await contrast.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('data-contrast')).toBe('high');

    // The next page, with the tools' script blocked: only the inline <head> script can set the size,
    // and it must have done so before the body (so before anything is painted).
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.addInitScript(() => {
      const seen = (w: Window & { __prefsAt?: Record<string, unknown> }, when: string) => {
        const root = document.documentElement;
        w.__prefsAt = { ...w.__prefsAt, [when]: { size: root.dataset.textSize, contrast: root.dataset.contrast, scale: root.style.getPropertyValue('--text-scale') } };
      };
      const observer = new MutationObserver(() => {
        if (document.body) {
          seen(window, 'firstBody');
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
      document.addEventListener('DOMContentLoaded', () => seen(window, 'domContentLoaded'));
    });
    await page.goto(url(`/thong-bao/${notice.slug}/`));
    const expected = { size: '130', contrast: 'high', scale: '1.3' };
    expect(await page.evaluate(() => (window as Window & { __prefsAt?: unknown }).__prefsAt)).toEqual({ firstBody: expected, domContentLoaded: expected });
    expect(await rootFontSize()).toBeCloseTo(normal * 1.3, 1);

    // Back to normal with A, on a page with the script.
    await page.unroute('**/_astro/*.js');
    await page.goto(url(articlePath(withToc)));
    expect(await page.locator('[data-text-size-value]').textContent()).toBe('130%');
    await page.getByRole('button', { name: 'Cỡ chữ mặc định' }).click();
    await page.getByRole('button', { name: 'Tương phản cao' }).click();
    expect(await page.locator('html').getAttribute('data-text-size')).toBeNull();
    expect(await page.locator('html').getAttribute('data-contrast')).toBeNull();
    expect(await rootFontSize()).toBeCloseTo(normal, 1);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  test('offers at least three sizes, and says when the end is reached without losing the focus', async () => {
    const page = await newPage();
    await page.goto(url(articlePath(plain)));
    const larger = page.getByRole('button', { name: 'Tăng cỡ chữ' });
    const sizes = new Set<string>();
    await larger.focus();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Space');
      sizes.add((await page.locator('[data-text-size-value]').textContent())!);
    }
    expect(await larger.getAttribute('aria-disabled')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-size-step'))).toBe('1');
    await page.getByRole('button', { name: 'Giảm cỡ chữ' }).click();
    sizes.add('100%');
    expect(sizes.size).toBeGreaterThanOrEqual(3);
    expect(await larger.getAttribute('aria-disabled')).toBe('false');
  });

  test('at the largest text size, no phone page scrolls sideways', async () => {
    const page = await newPage();
    const largest = String(Math.max(...TEXT_SIZES));
    await page.addInitScript(([key, size]) => localStorage.setItem(key, size), [PREF_KEYS.textSize, largest]);
    for (const path of ['/', articlePath(withToc), articlePath(withAudio), '/thong-bao/', `/thong-bao/${invitation.slug}/`, '/luu-tru/']) {
      await page.goto(url(path));
      expect(await page.locator('html').getAttribute('data-text-size'), path).toBe(largest);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
    }
  });
});

describe('print', () => {
  test('the print stylesheet drops menus, search, share and tools, and prints the address and date', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url(articlePath(withToc)));
    await expect.poll(() => page.getByRole('button', { name: 'In bài viết' }).isVisible()).toBe(true);
    expect(await page.locator('.print-source').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.main-nav', '.search-form', '.share', '.reader-tools', '.toc', 'aside', '.related']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    const visibleButtons = await page.locator('button').evaluateAll((buttons) => buttons.filter((b) => (b as HTMLElement).offsetParent !== null).length);
    expect(visibleButtons).toBe(0);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('.prose').isVisible()).toBe(true);
    const source = page.locator('.print-source');
    expect(await source.isVisible()).toBe(true);
    const text = (await source.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain((await canonical(page))!);
    expect(text).toMatch(/Ngày đăng: \d{2}\/\d{2}\/\d{4}/);
  });

  test('the print button opens the print dialog', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      window.print = () => void ((window as Window & { __printed?: number }).__printed = 1);
    });
    await page.goto(url(`/thong-bao/${notice.slug}/`));
    await page.getByRole('button', { name: 'In thông báo' }).click();
    expect(await page.evaluate(() => (window as Window & { __printed?: number }).__printed)).toBe(1);
  });
});

describe('share', () => {
  test('the copy button puts the page address on the clipboard and says so', async () => {
    const page = await newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.goto(url(articlePath(plain)));
    await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
    await expect.poll(() => page.locator('[data-share-status]').textContent()).toBe('Đã sao chép liên kết');
    expect(await page.locator('[data-share-status]').getAttribute('role')).toBe('status');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await canonical(page));
  });

  test('the system share sheet is offered only where the browser has one', async () => {
    const page = await newPage();
    await page.goto(url(articlePath(plain)));
    expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
    expect(await page.getByRole('button', { name: 'Chia sẻ qua ứng dụng' }).count()).toBe(0);

    const withShare = await newPage();
    await withShare.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: (data: ShareData) => {
          (window as Window & { __shared?: ShareData }).__shared = data;
          return Promise.resolve();
        },
      });
    });
    await withShare.goto(url(articlePath(plain)));
    await withShare.getByRole('button', { name: 'Chia sẻ qua ứng dụng' }).click();
    expect(await withShare.evaluate(() => (window as Window & { __shared?: ShareData }).__shared)).toEqual({
      title: await withShare.locator('h1').textContent(),
      url: await canonical(withShare),
    });
  });

  test('share links are plain links to the networks, and nothing loads from them before a click', async () => {
    const page = await newPage();
    const requested: string[] = [];
    page.on('request', (req) => requested.push(req.url()));
    await page.goto(url(articlePath(plain)), { waitUntil: 'networkidle' });
    expect(requested.filter((r) => !r.startsWith(site.origin))).toEqual([]);
    const address = encodeURIComponent((await canonical(page))!);
    const facebook = page.locator('.share a', { hasText: 'Facebook' });
    expect(await facebook.getAttribute('href')).toBe(`https://www.facebook.com/sharer/sharer.php?u=${address}`);
    expect(await facebook.getAttribute('rel')).toContain('noopener');
    // Zalo only when the site settings carry a Zalo id.
    expect(await page.locator('.share a', { hasText: 'Zalo' }).count()).toBe(content.settings.zaloAppId ? 1 : 0);
  });
});

type SpeechCall = { op: string; text?: string; lang?: string; voice?: string };

/** Replaces the Web Speech API with a recorder that has the given voices; `__finishUtterance()` ends the current utterance. */
async function stubSpeech(page: Page, voices: { lang: string; name: string; localService: boolean }[]) {
  await page.addInitScript((voiceList) => {
    const w = window as unknown as Record<string, unknown>;
    const calls: SpeechCall[] = [];
    w.__speech = calls;
    let current: { onend?: ((e: unknown) => void) | null } | undefined;
    class Utterance {
      lang = '';
      voice: { lang: string } | null = null;
      onend = null;
      onerror = null;
      constructor(public text: string) {}
    }
    const synth = Object.assign(new EventTarget(), {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () => voiceList,
      speak(u: Utterance) {
        calls.push({ op: 'speak', text: u.text, lang: u.lang, voice: u.voice?.lang });
        current = u;
        this.speaking = true;
      },
      pause() {
        calls.push({ op: 'pause' });
        this.paused = true;
      },
      resume() {
        calls.push({ op: 'resume' });
        this.paused = false;
      },
      cancel() {
        calls.push({ op: 'cancel' });
        this.speaking = this.paused = false;
      },
    });
    w.__finishUtterance = () => current?.onend?.({});
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    w.SpeechSynthesisUtterance = Utterance;
  }, voices);
}

describe('listen', () => {
  test('with no Vietnamese voice, the control says so instead of reading with a wrong voice', async () => {
    const page = await newPage();
    await stubSpeech(page, [{ lang: 'en-US', name: 'English', localService: true }]);
    await page.goto(url(articlePath(plain)));
    const status = page.locator('[data-listen-status]');
    await expect.poll(() => status.textContent()).toBe('Trình duyệt chưa có giọng đọc tiếng Việt');
    expect(await status.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Nghe bài viết' }).isDisabled()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __speech: unknown[] }).__speech)).toEqual([]);
  });

  test('with a Vietnamese voice, the controls drive the speech API in order, in vi-VN, marking the paragraph read', async () => {
    const page = await newPage();
    await stubSpeech(page, [
      { lang: 'en-US', name: 'English', localService: true },
      { lang: 'vi-VN', name: 'Tiếng Việt', localService: true },
    ]);
    await page.goto(url(articlePath(plain)));
    const calls = () => page.evaluate(() => (window as unknown as { __speech: SpeechCall[] }).__speech);
    const title = (await page.locator('h1').textContent())!.trim();
    const summary = (await page.locator('.summary').textContent())!.trim();
    const position = page.locator('[data-listen-position]');

    const play = page.getByRole('button', { name: 'Nghe bài viết' });
    await play.focus();
    await page.keyboard.press('Enter');
    expect(await calls()).toEqual([{ op: 'speak', text: title, lang: 'vi-VN', voice: 'vi-VN' }]);
    expect(await page.locator('h1').getAttribute('class')).toContain('is-reading');
    expect(await page.locator('[data-listen-status]').textContent()).toBe('Đang đọc');
    expect(await position.textContent()).toMatch(/^Đoạn 1\/\d+$/);

    await page.evaluate(() => (window as unknown as { __finishUtterance: () => void }).__finishUtterance());
    expect((await calls()).at(-1)).toMatchObject({ op: 'speak', lang: 'vi-VN' });
    expect(summary.startsWith((await calls()).at(-1)!.text!)).toBe(true);
    expect(await page.locator('.summary').getAttribute('class')).toContain('is-reading');
    expect(await page.locator('h1').getAttribute('class')).not.toContain('is-reading');
    expect(await position.textContent()).toMatch(/^Đoạn 2\/\d+$/);

    // The same button pauses and resumes; its name says what it will do.
    await page.getByRole('button', { name: 'Tạm dừng' }).click();
    expect(await page.locator('[data-listen-status]').textContent()).toBe('Đã tạm dừng');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Dừng', exact: true }).click();
    expect(await page.locator('[data-listen-status]').textContent()).toBe('Đã dừng đọc');
    expect(await page.locator('.is-reading').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-listen-toggle'))).toBe(true);
    expect(await page.getByRole('button', { name: 'Nghe bài viết' }).isVisible()).toBe(true);

    const log = await calls();
    expect(log.map((c) => c.op)).toEqual(['speak', 'speak', 'pause', 'resume', 'cancel']);
    expect(log.filter((c) => c.op === 'speak').every((c) => c.lang === 'vi-VN')).toBe(true);
  });

  test('an entry with recorded audio gets a native player instead, and the file is served', async () => {
    const page = await newPage();
    await page.goto(url(articlePath(withAudio)));
    const audio = page.locator('.reader-tools audio');
    expect(await audio.isVisible()).toBe(true);
    expect(await audio.getAttribute('controls')).not.toBeNull();
    expect(await page.locator('[data-listen-toggle]').count()).toBe(0);
    const src = (await audio.locator('source').getAttribute('src'))!;
    expect(src).toBe(`${articlePath(withAudio)}${withAudio.data.audio}`);
    const response = await page.request.get(url(src));
    expect(response.status()).toBe(200);
    expect((await response.body()).length).toBe(statSync(join(dirname(withAudio.file), String(withAudio.data.audio))).size);
    const duration = await audio.evaluate(
      (el: HTMLAudioElement) => new Promise<number>((ok) => (el.readyState >= 1 ? ok(el.duration) : el.addEventListener('loadedmetadata', () => ok(el.duration)))),
    );
    expect(duration).toBeGreaterThan(1);
    expect(duration).toBeLessThan(60);
  });
});

describe('reading aids', () => {
  test('the reading time comes from the body at about 200 words a minute', async () => {
    const page = await newPage();
    for (const entry of [plain, withToc]) {
      await page.goto(url(articlePath(entry)));
      const body = readFileSync(entry.file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      expect(await page.locator('.article-header .meta').textContent()).toContain(`${readingMinutes(countWords(body))} phút đọc`);
    }
  });

  test('a long article has a table of contents whose links reach its headings; a short one has none', async () => {
    const page = await newPage();
    await page.goto(url(articlePath(withToc)));
    const toc = page.getByRole('navigation', { name: 'Mục lục' });
    expect(await toc.isVisible()).toBe(true);
    const links = toc.getByRole('link');
    expect(await links.count()).toBe(headingCount(withToc));
    for (const link of await links.all()) {
      const id = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
      const heading = page.locator('.prose').locator(`[id="${id}"]`);
      expect(await heading.evaluate((el) => el.tagName)).toMatch(/^H[23]$/);
      expect((await heading.textContent())!.trim()).toBe((await link.textContent())!.trim());
    }
    await links.last().click();
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#${decodeURIComponent((await links.last().getAttribute('href'))!.slice(1))}`);

    await page.goto(url(articlePath(plain)));
    expect(await page.getByRole('navigation', { name: 'Mục lục' }).count()).toBe(0);
  });
});

describe('without JavaScript', () => {
  test('no dead controls; the share links, table of contents and audio player still work', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(url(articlePath(withToc)));
    const article = page.locator('article');
    const buttons = await article.locator('button').evaluateAll((all) => all.filter((b) => (b as HTMLElement).offsetParent !== null).length);
    expect(buttons).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Mục lục' }).isVisible()).toBe(true);
    expect(await page.locator('.share a', { hasText: 'Facebook' }).isVisible()).toBe(true);
    if (withToc !== withAudio) await page.goto(url(articlePath(withAudio)));
    expect(await page.locator('.reader-tools audio').isVisible()).toBe(true);
    await page.goto(url(articlePath(plain)));
    // Nothing to show: the tools bar is not drawn at all.
    expect(await page.locator('.reader-tools').isVisible()).toBe(false);
  });
});

describe('JavaScript', () => {
  const scriptBytes = async (path: string) => {
    const page = await newPage();
    const external: { url: string; bytes: number }[] = [];
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script') external.push({ url: res.url(), bytes: (await res.body()).length });
    });
    await page.goto(url(path), { waitUntil: 'networkidle' });
    const inline = await page.evaluate(() =>
      [...document.scripts].filter((s) => !s.src && s.type !== 'application/ld+json').map((s) => ({ inHead: s.parentElement === document.head, bytes: new TextEncoder().encode(s.text).length })),
    );
    return { external, inline };
  };

  test('article and notice pages load one small module for the tools, within the 20 KB budget', async () => {
    for (const path of [articlePath(plain), articlePath(withAudio), `/thong-bao/${notice.slug}/`]) {
      const { external, inline } = await scriptBytes(path);
      expect(external.map((e) => new URL(e.url).pathname), path).toEqual([expect.stringMatching(/^\/_astro\/.+\.js$/)]);
      expect(inline, path).toEqual([{ inHead: true, bytes: expect.any(Number) }]);
      const total = external[0].bytes + inline[0].bytes;
      expect(total, path).toBeLessThanOrEqual(20 * 1024);
    }
  });

  test('other pages load no tools module, only the tiny inline script that applies the saved text size', async () => {
    const { external, inline } = await scriptBytes('/');
    expect(external).toEqual([]);
    expect(inline.length).toBe(1);
    expect(inline[0].bytes).toBeLessThan(400);
  });
});

describe('accessibility of the tools in use', () => {
  /** Serious and critical axe-core violations on the page as it is now. */
  const violations = async (page: Page) => {
    await page.evaluate(axe.source);
    const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  };

  test.each([
    ['normal contrast', false],
    ['high contrast, largest text', true],
  ])('no serious violation while reading aloud, after copying the link, with %s', async (_, high) => {
    const page = await newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await stubSpeech(page, [{ lang: 'vi-VN', name: 'Tiếng Việt', localService: true }]);
    if (high) {
      await page.addInitScript(([sizeKey, size, contrastKey]) => {
        localStorage.setItem(sizeKey, size);
        localStorage.setItem(contrastKey, 'high');
      }, [PREF_KEYS.textSize, String(Math.max(...TEXT_SIZES)), PREF_KEYS.contrast]);
    }
    await page.goto(url(`/thong-bao/${invitation.slug}/`));
    await page.getByRole('button', { name: 'Nghe thông báo' }).click();
    await page.getByRole('button', { name: 'Tạm dừng' }).click();
    await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
    await expect.poll(() => page.locator('[data-share-status]').textContent()).toBe('Đã sao chép liên kết');
    expect(await violations(page)).toEqual([]);
    await page.goto(url(articlePath(withAudio)));
    expect(await violations(page)).toEqual([]);
  });
});

/**
 * axe-core in Chromium over one page of every kind: no serious or critical violation, on a phone-sized
 * and a desktop viewport, under the site's real Content-Security-Policy.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { describe, expect, inject, it } from 'vitest';
import { useSiteBrowser } from '../support/site-browser';

const siteDir = inject('siteDir');
const first = (dir: string) => readdirSync(join(siteDir, dir), { withFileTypes: true }).find((d) => d.isDirectory() && d.name !== 'trang' && d.name !== 'loai')!.name;

const pages: Record<string, string> = {
  'trang chủ': '/',
  'bài viết': `/bai-viet/${first('bai-viet')}/`,
  'chuyên mục': `/chuyen-muc/${first('chuyen-muc')}/`,
  'từ khóa': `/tu-khoa/${first('tu-khoa')}/`,
  'lưu trữ': `/luu-tru/${first('luu-tru')}/`,
  'danh sách thông báo': '/thong-bao/',
  'thông báo': `/thong-bao/${first('thong-bao')}/`,
  'trang tĩnh': '/gioi-thieu/',
  'tìm kiếm': '/tim-kiem/?q=h%E1%BB%99i%20ngh%E1%BB%8B',
  'trang 404': '/khong-co-trang-nay/',
};

const site = useSiteBrowser(siteDir);

describe.each([
  ['điện thoại', { width: 390, height: 844 }],
  ['máy tính', { width: 1280, height: 900 }],
])('accessibility on %s', (_, viewport) => {
  it.each(Object.entries(pages))('%s has no serious or critical violation', async (_kind, path) => {
    const page = await (await site.newContext({ viewport })).newPage();
    try {
      await page.goto(site.origin + path);
      // Evaluated through the DevTools protocol, so the page's CSP does not block it.
      await page.evaluate(axe.source);
      const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
      expect(serious, `${path}\n${serious.join('\n')}`).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

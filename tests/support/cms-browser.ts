/**
 * An editor's session in the CMS, for browser tests: /admin/ of a built site, served with its real
 * Content-Security-Policy, against decap-server in Git mode on a temporary Git repository that holds
 * a copy of content/. The CMS's `local_backend` is 127.0.0.1:8081; the browser's requests there are
 * sent on to the test's own decap-server, on a free port, so a developer's `npm run cms` is not disturbed.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startDecapServer, type DecapServer } from '../../scripts/decap-server';
import { launchChromium } from './browser';
import { freePort } from './network';
import { defaultContentDir } from './site-content';
import { serveStatic } from './static-server';

export interface CmsSession {
  /** The temporary repository (working tree); its content folder is `<repo>/content` */
  readonly repo: string;
  /** A scratch folder for the test's own files (uploads, build output) */
  readonly scratch: string;
  readonly page: Page;
  readonly decapPort: number;
  /** `git …` in the repository, its output trimmed */
  git(...args: string[]): string;
  /** Errors the page reported: uncaught exceptions, console errors, refused requests */
  readonly errors: string[];
  /** Opens a CMS route (`/collections/articles/new`) in a freshly loaded admin page. */
  open(route: string): Promise<void>;
}

/**
 * Sets the session up before the file's tests (one editor, signed in) and takes it down after them.
 * The browser runs in Europe/Berlin: what the CMS writes must not depend on the editor's time zone.
 */
export function useCmsSession(siteDir: string): CmsSession {
  const root = mkdtempSync(join(tmpdir(), 'cms-e2e-'));
  const repo = join(root, 'repo');
  const scratch = join(root, 'scratch');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let decap: DecapServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let decapPort = 0;
  const errors: string[] = [];

  beforeAll(async () => {
    cpSync(defaultContentDir, join(repo, 'content'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Biên tập viên');
    git('config', 'user.email', 'bientap@example.vn');
    git('config', 'commit.gpgsign', 'false');
    git('add', '-A');
    git('commit', '-q', '-m', 'Nội dung ban đầu');
    decapPort = await freePort();
    decap = await startDecapServer({ repo, port: decapPort }, { quiet: true });
    server = await serveStatic(siteDir);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Europe/Berlin', locale: 'vi-VN' });
    await context.route('http://127.0.0.1:8081/**', (route) => route.continue({ url: route.request().url().replace(':8081/', `:${decapPort}/`) }));
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // Expected noise: Decap asks the server for an entry's unpublished version before there is one
      // (404), and its components fail their own prop-type checks under React 19.
      if (m.type() === 'error' && !/status of 404|^Warning: Failed prop type/.test(m.text())) errors.push(`console: ${m.text()}`);
    });
    // Leaving an editor with unsaved changes, publishing: Decap asks; the editor agrees.
    page.on('dialog', (d) => void d.accept().catch(() => {})); // it may already be gone when the page moved on
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Bài viết' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await decap?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  return {
    repo,
    scratch,
    git,
    errors,
    async open(route: string) {
      // A fresh load: moving between entries by changing only the address's #fragment can leave
      // Decap showing the previous entry's data. The sign-in is kept in the browser.
      await page!.goto(`${server!.url}/admin/#${route}`);
      await page!.reload();
      await page!.getByRole('button', { name: 'Lưu', exact: true }).waitFor();
    },
    get page() {
      return page!;
    },
    get decapPort() {
      return decapPort;
    },
  };
}

/**
 * A field of the CMS's form by its label (the label text up to "(không bắt buộc)"), as the box that
 * holds its label and its control, inside `scope`.
 */
export function field(scope: Page | Locator, label: string): Locator {
  const pattern = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(không bắt buộc\\))?$`);
  return scope.locator('label').filter({ hasText: pattern }).first().locator('xpath=../..');
}

/** Fills a text field by its label. */
export async function fill(scope: Page | Locator, label: string, value: string) {
  await field(scope, label).locator('input, textarea').first().fill(value);
}

/** Chooses an option of a select or relation field by its label, by typing and picking it. */
export async function choose(scope: Page | Locator, label: string, option: string) {
  const input = field(scope, label).locator('input').first();
  await input.click();
  await input.fill(option);
  await input.page().getByRole('option', { name: option, exact: true }).click();
}

/** Uploads a file through an image or file field's media library and picks it. */
export async function upload(scope: Page | Locator, label: string, file: string) {
  await field(scope, label).getByRole('button', { name: /^Chọn (ảnh|tệp)$/ }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.locator('.nc-fileUploadButton input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: 'Chọn tệp đã đánh dấu' }).click();
}

/** Inserts one of the body's editor components ("Chèn thành phần") and returns the body field. */
export async function insertComponent(page: Page, label: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Chèn thành phần' }).click();
  await page.getByText(label, { exact: true }).click();
  return field(page, 'Nội dung');
}

/** Saves and waits for the CMS to say so. */
export async function save(page: Page) {
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Đã lưu', { exact: true }).first().waitFor();
}

/** Moves the open entry to a workflow status ("Chờ duyệt", "Sẵn sàng"). */
export async function setStatus(page: Page, status: string) {
  await page.getByRole('button', { name: /^Trạng thái:/ }).click();
  await page.getByRole('menuitem', { name: status }).click();
  await page.getByRole('button', { name: `Trạng thái: ${status}` }).waitFor();
}

/** Publishes the open entry now ("Đăng bài" → "Đăng ngay") and waits for the CMS to say so. */
export async function publishNow(page: Page) {
  await page.getByRole('button', { name: 'Đăng bài', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Đăng ngay' }).click();
  await page.getByText('Đã đăng lên trang', { exact: true }).first().waitFor();
}

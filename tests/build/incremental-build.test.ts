/**
 * Acceptance: a republish that keeps the previous build's output and cache folders, as a CI job that
 * caches them does, gives the very files a clean build of the same content gives, while rendering again
 * only the pages the edits touched (Astro's incremental build, keyed by src/lib/render-key.ts).
 *
 * One copy of content/ is built, edited and built again twice; after each edit a clean build of the
 * edited copy, into folders of its own, is what the republish must equal. All builds see the same clock.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { differingFiles } from '../../scripts/bench/measure';
import { astroBuild } from '../support/astro-build';
import { byDateDesc, defaultContentDir, publishState, readSiteContent, type Entry } from '../support/site-content';

const root = mkdtempSync(join(tmpdir(), 'dbk-incremental-'));
const content = join(root, 'content');
const BUILD_NOW = new Date().toISOString();

/** What a build did with each page: rendered it, or copied it from the previous build; and its log. */
interface PagesBuilt {
  rendered: Set<string>;
  restored: Set<string>;
  log: string;
}

/** Builds the content copy into `name`'s output and cache folders; throws if the build fails. */
async function build(name: string): Promise<PagesBuilt> {
  const { code, output } = await astroBuild({ CONTENT_DIR: content, OUT_DIR: join(root, `${name}-out`), CACHE_DIR: join(root, `${name}-cache`), BUILD_NOW });
  if (code !== 0) throw new Error(`build ${name} failed:\n${output.slice(-3000)}`);
  // Astro logs each page as "├─ /bai-viet/x/index.html", then " (restored)" at once if copied, or
  // " (+12ms)" when rendered; several pages are rendered at a time (build.concurrency), so other lines
  // can come between a rendered page and its time. In colour where the environment says CI.
  const log = stripVTControlCharacters(output);
  const pages: PagesBuilt = { rendered: new Set(), restored: new Set(), log };
  for (const [, file, restored] of log.matchAll(/[├└]─ (\S+?\.html)( \((?:restored|cached)\))?/g)) (restored ? pages.restored : pages.rendered).add(file);
  return pages;
}

/** The republish's output against a clean build's of the same content. */
async function republishAgainstClean(clean: string): Promise<{ pages: PagesBuilt; differences: string[] }> {
  const pages = await build('site');
  await build(clean);
  return { pages, differences: differingFiles(join(root, 'site-out'), join(root, `${clean}-out`)) };
}

const articlePage = (article: Entry) => `/bai-viet/${article.slug}/index.html`;

let articles: Entry[];
let first: PagesBuilt;

beforeAll(async () => {
  cpSync(defaultContentDir, content, { recursive: true });
  articles = readSiteContent(content)
    .articles.filter((a) => publishState(a, new Date(BUILD_NOW)) === 'published')
    .sort(byDateDesc);
  first = await build('site');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('republishing with the previous build kept', () => {
  test('the first build renders every page, having nothing to reuse', () => {
    expect(first.restored.size).toBe(0);
    expect(first.rendered.size).toBeGreaterThan(articles.length);
  });

  test('the content store is read from a file when pages are rendered, not bundled as a string (src/integrations/fast-build.ts)', () => {
    expect(first.log).toMatch(/\[fast-build\] content store module: [\d.]+ MB of JSON, read from the cache folder/);
    expect(first.log).not.toMatch(/content store module is no longer imported/);
  });

  test("the CMS's script is bundled once, then taken from the cache folder (src/integrations/cms-bundle.ts)", async () => {
    const script = first.log.match(/\[cms-bundle\] CMS script (\/_astro\/cms\.[\w-]+\.js) bundled in \d+ ms/)?.[1];
    expect(script).toBeDefined();
    expect(readFileSync(join(root, 'site-out/admin/index.html'), 'utf8')).toContain(`<script type="module" src="${script}"></script>`);
    expect(statSync(join(root, 'site-out', script!)).size).toBeGreaterThan(1e6);
    const again = await build('site');
    expect(again.log).toContain(`[cms-bundle] CMS script ${script} taken from the cache folder`);
    const [key] = readdirSync(join(root, 'site-cache/cms-bundle'));
    expect(readFileSync(join(root, 'site-out', script!)).equals(readFileSync(join(root, 'site-cache/cms-bundle', key, script!)))).toBe(true);
  });

  test('after a body edit, a title edit and a deletion: the same files as a clean build, only the touched pages rendered', async () => {
    const [edited, renamed, ...rest] = articles;
    const deleted = rest.at(-1)!;
    appendFileSync(edited.file, '\nĐoạn văn thêm vào khi sửa bài, để kiểm tra việc đăng lại.\n');
    writeFileSync(renamed.file, readFileSync(renamed.file, 'utf8').replace(/^title: .*$/m, 'title: Tiêu đề đã sửa khi đăng lại'));
    rmSync(deleted.file);

    const { pages, differences } = await republishAgainstClean('clean-1');
    expect(differences).toEqual([]);
    expect(pages.rendered).toContain(articlePage(edited));
    expect(pages.rendered).toContain(articlePage(renamed));
    // Pages the edits did not reach are copied, not rendered: the point of keeping the folders.
    expect(pages.restored.size).toBeGreaterThan(articles.length / 3);
    // Most are the last build's files, left in place (src/lib/kept-output.ts); the deleted article's
    // page was among them, and is gone with its folder.
    const [, keptFiles, dropped] = pages.log.match(/\[fast-build\] (\d+) files of the last build's routes kept in the output folder, (\d+) of them no longer built and deleted/) ?? [];
    expect(Number(keptFiles)).toBeGreaterThan(articles.length / 3);
    expect(Number(dropped)).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(root, 'site-out', `bai-viet/${deleted.slug}`))).toBe(false);
    // The last build's output, moved aside when this one started, is deleted by the time it ends.
    expect(readdirSync(root).filter((name) => name.includes('-removing-'))).toEqual([]);
  });

  test('after a new notice, which every sidebar lists: the same files as a clean build, every article page rendered again', async () => {
    const notice = join(content, 'notices', '2026', 'thong-bao-moi-khi-dang-lai.mdx');
    const date = new Date(Date.parse(BUILD_NOW) - 3_600_000).toISOString();
    writeFileSync(notice, `---\ntitle: Thông báo mới đăng khi đăng lại\nkind: thong-bao\nnumber: 99-TB/ĐUK\ndate: ${date}\n---\n\nNội dung thông báo.\n`);

    const { pages, differences } = await republishAgainstClean('clean-2');
    expect(differences).toEqual([]);
    const articlePages = [...pages.rendered, ...pages.restored].filter((file) => file.startsWith('/bai-viet/'));
    expect(articlePages.length).toBeGreaterThan(0);
    expect(articlePages.filter((file) => pages.restored.has(file))).toEqual([]);
  });
});

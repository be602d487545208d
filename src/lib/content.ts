/**
 * The site's content, loaded from Astro's collections once per build and indexed by `corpus.ts`.
 * Routes ask this module; nothing else calls `getCollection`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArticleIndex, buildNoticeIndex, type ArticleIndex, type NoticeIndex } from './corpus.ts';
import { buildTime } from './build-time.ts';
import { vietnamYear } from './dates.ts';
import { renderKey } from './render-key.ts';
import type { BodyFacts } from './body-html.ts';

export type Article = CollectionEntry<'articles'>;
export type Notice = CollectionEntry<'notices'>;
export type StaticPage = CollectionEntry<'pages'>;
export type Category = CollectionEntry<'categories'>;
export type Settings = CollectionEntry<'settings'>['data'];

/** Paths the site's own routes use; a static page may not take them. */
export const RESERVED_PATHS = ['bai-viet', 'thong-bao', 'chuyen-muc', 'tu-khoa', 'luu-tru', 'tim-kiem', 'admin', 'pagefind', '_astro', 'trang', '404', 'rss.xml', 'sitemap-index.xml', 'robots.txt'];

export { buildTime };

export interface SiteContent {
  articles: ArticleIndex<Article>;
  notices: NoticeIndex<Notice>;
  pages: StaticPage[];
  /** In menu order. */
  categories: Category[];
  category(id: string): Category | undefined;
  settings: Settings;
  /**
   * Static paths with the key Astro's incremental build keeps each page by (src/lib/render-key.ts): the
   * page's props, and what every page may show besides them (settings, menu, the notices' sidebar and
   * kinds, the footer's year). A page must be rendered from these alone, and its own entry's `render()`.
   */
  keyed<P extends { props: object }>(paths: P[]): (P & { cacheKey: string })[];
}

export const categoryIdOf = (article: Article): string => article.data.category.id;

/** What the content loader kept of an entry's body besides its HTML (src/lib/content-loader.ts). */
export function bodyFacts(entry: Article | Notice | StaticPage): BodyFacts {
  const metadata = entry.rendered?.metadata;
  if (typeof metadata?.words !== 'number' || !Array.isArray(metadata.documents)) {
    throw new Error(`${entry.filePath}: the content store holds no facts of this body; was it loaded by mdxEntries?`);
  }
  return { words: metadata.words, documents: metadata.documents as string[] };
}

async function load(): Promise<SiteContent> {
  const [articles, notices, pages, categories, settings] = await Promise.all([
    getCollection('articles'),
    getCollection('notices'),
    getCollection('pages'),
    getCollection('categories'),
    getCollection('settings'),
  ]);
  for (const page of pages) {
    if (RESERVED_PATHS.includes(page.id)) {
      throw new Error(`${page.filePath}: trang tĩnh không được đặt tên "${page.id}" vì đường dẫn /${page.id}/ đã dùng cho mục khác của trang web`);
    }
  }
  if (!settings[0]) throw new Error('Thiếu tệp cài đặt content/settings/site.yaml');
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  for (const article of articles) {
    const id = categoryIdOf(article);
    if (!categoryById.has(id)) {
      throw new Error(`${article.filePath}: chuyên mục (category) "${id}" không có; các chuyên mục hiện có: ${[...categoryById.keys()].join(', ')}`);
    }
  }
  const sortedCategories = [...categories].sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name, 'vi'));
  const noticeIndex = buildNoticeIndex(notices, (n) => ({ ...n.data, id: n.id }), buildTime);
  // Only a production build keys its pages; `astro dev` loads the content on every request.
  let siteWide: string | undefined;
  return {
    articles: buildArticleIndex(articles, (a) => ({ ...a.data, id: a.id, category: categoryIdOf(a) }), buildTime),
    notices: noticeIndex,
    pages: pages.filter((p) => !p.data.draft),
    categories: sortedCategories,
    category: (id) => categoryById.get(id),
    settings: settings[0].data,
    keyed: (paths) => {
      siteWide ??= renderKey(settings[0].data, sortedCategories, noticeIndex.current, [...new Set(noticeIndex.all.map((n) => n.data.kind))], vietnamYear(buildTime));
      return paths.map((path) => ({ ...path, cacheKey: renderKey(siteWide, path.props) }));
    },
  };
}

let cached: Promise<SiteContent> | undefined;

/** The indexed content. Built once per build; rebuilt on every request in `astro dev` so edits show. */
export function siteContent(): Promise<SiteContent> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

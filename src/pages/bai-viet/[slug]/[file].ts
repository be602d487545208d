import { siteContent } from '../../../lib/content';
import { entryFilePaths, serveEntryFile } from '../../../lib/attachments';

/** Serves each published article's recorded audio (`audio`) at /bai-viet/<slug>/<file>, beside the article's page. */
export async function getStaticPaths() {
  const { articles } = await siteContent();
  return entryFilePaths(articles.all, (article) => (article.data.audio ? [article.data.audio] : []));
}

export const GET = serveEntryFile;

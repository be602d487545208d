import { bodyFacts, siteContent } from '../../../lib/content';
import { entryFilePaths, serveEntryFile, servedFiles } from '../../../lib/attachments';

/**
 * Serves each published article's recorded audio (`audio`) and the documents its body offers for download
 * (`<DocumentDownload>`) at /bai-viet/<slug>/<file>, beside the article's page.
 */
export async function getStaticPaths() {
  const { articles } = await siteContent();
  return entryFilePaths(articles.all, (article) => servedFiles(article.data.audio ? [article.data.audio] : [], bodyFacts(article).documents));
}

export const GET = serveEntryFile;

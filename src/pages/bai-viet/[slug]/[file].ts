import { siteContent } from '../../../lib/content';
import { entryFilePaths, serveEntryFile } from '../../../lib/attachments';
import { servedFiles } from '../../../components/mdx/files';

/**
 * Serves each published article's recorded audio (`audio`) and the documents its body offers for download
 * (`<DocumentDownload>`) at /bai-viet/<slug>/<file>, beside the article's page.
 */
export async function getStaticPaths() {
  const { articles } = await siteContent();
  return entryFilePaths(articles.all, (article) => servedFiles(article.data.audio ? [article.data.audio] : [], article.body));
}

export const GET = serveEntryFile;

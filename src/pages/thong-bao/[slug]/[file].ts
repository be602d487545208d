import { siteContent } from '../../../lib/content';
import { entryFilePaths, serveEntryFile } from '../../../lib/attachments';
import { servedFiles } from '../../../components/mdx/files';

/**
 * Serves each published notice's attachments, and the documents its body offers for download
 * (`<DocumentDownload>`), at /thong-bao/<slug>/<file>, beside the notice's page.
 */
export async function getStaticPaths() {
  const { notices } = await siteContent();
  return entryFilePaths(notices.all, (notice) => servedFiles(notice.data.attachments.map((a) => a.file), notice.body));
}

export const GET = serveEntryFile;

import { bodyFacts, siteContent } from '../../../lib/content';
import { entryFilePaths, serveEntryFile, servedFiles } from '../../../lib/attachments';

/**
 * Serves each published notice's attachments, and the documents its body offers for download
 * (`<DocumentDownload>`), at /thong-bao/<slug>/<file>, beside the notice's page.
 */
export async function getStaticPaths() {
  const { notices } = await siteContent();
  return entryFilePaths(notices.all, (notice) => servedFiles(notice.data.attachments.map((a) => a.file), bodyFacts(notice).documents));
}

export const GET = serveEntryFile;

import { siteContent } from '../../../lib/content';
import { entryFilePaths, serveEntryFile } from '../../../lib/attachments';

/** Serves each published notice's attachments at /thong-bao/<slug>/<file>, beside the notice's page. */
export async function getStaticPaths() {
  const { notices } = await siteContent();
  return entryFilePaths(notices.all, (notice) => notice.data.attachments.map((a) => a.file));
}

export const GET = serveEntryFile;

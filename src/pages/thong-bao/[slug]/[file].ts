import { readFile } from 'node:fs/promises';
import type { APIRoute } from 'astro';
import { siteContent, type Notice } from '../../../lib/content';
import { attachmentInfo, type AttachmentInfo } from '../../../lib/attachments';

/** Serves each published notice's attachments at /thong-bao/<slug>/<file>, beside the notice's page. */
export async function getStaticPaths() {
  const { notices } = await siteContent();
  return notices.all.flatMap((notice: Notice) =>
    notice.data.attachments.map((a) => {
      const info = attachmentInfo(notice.filePath!, a.file);
      return { params: { slug: notice.id, file: info.name }, props: { info } };
    }),
  );
}

export const GET: APIRoute = async ({ props }) => {
  const { info } = props as { info: AttachmentInfo };
  return new Response(await readFile(info.path), { headers: { 'Content-Type': info.mime } });
};

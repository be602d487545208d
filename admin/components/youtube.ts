/** "Video YouTube": <YouTube id="…" title="…" />, shown only when a reader asks for it (src/lib/body-components.ts). */
import { isYouTubeId } from '../../src/lib/mdx-policy';
import { viMdx } from '../../src/i18n/vi-mdx';
import { blockPattern, escapeHtml, jsxBlock, parseAttributes } from './jsx';
import type { SiteEditorComponent } from './types';

/**
 * The video id from what an editor pastes: a watch, share, embed or shorts link, or the id itself.
 * Returns the input trimmed when it is none of these, for the content checks to explain.
 * @example youTubeId('https://youtu.be/dQw4w9WgXcQ?t=5') // 'dQw4w9WgXcQ'
 */
export function youTubeId(input: string): string {
  const text = input.trim();
  if (isYouTubeId(text)) return text;
  try {
    const url = new URL(text);
    const id = url.hostname.endsWith('youtu.be') ? url.pathname.slice(1) : (url.searchParams.get('v') ?? url.pathname.split('/').filter(Boolean).pop() ?? '');
    if (/(^|\.)(youtube(-nocookie)?\.com|youtu\.be)$/.test(url.hostname) && isYouTubeId(id)) return id;
  } catch {
    // not a URL
  }
  return text;
}

export const youTube: SiteEditorComponent<{ video: string; title: string }> = {
  id: 'youtube',
  label: 'Video YouTube',
  fields: [
    { name: 'video', label: 'Địa chỉ video YouTube', widget: 'string', hint: 'Dán địa chỉ video, ví dụ https://www.youtube.com/watch?v=… hoặc https://youtu.be/…' },
    { name: 'title', label: 'Tên video', widget: 'string' },
  ],
  pattern: blockPattern('YouTube', { children: false }),
  fromBlock: (match) => {
    const { id = '', title = '' } = parseAttributes(match[1]);
    return { video: id, title };
  },
  toBlock: ({ video = '', title }) => jsxBlock('YouTube', { id: youTubeId(video), title }),
  toPreview: ({ title = '' }) =>
    `<figure class="mdx-video"><details><summary>${escapeHtml(viMdx.videoOpen(title))}<small>${escapeHtml(viMdx.videoPrivacy)}</small></summary></details></figure>`,
};

import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteContent } from '../lib/content';
import { feedItems } from '../lib/feed';
import { NOTICE_KINDS } from '../lib/schemas';
import { urls } from '../lib/urls';

export const GET: APIRoute = async ({ site }) => {
  const { articles, notices, settings } = await siteContent();
  return rss({
    title: settings.siteName,
    description: settings.tagline ?? settings.organization,
    site: site!,
    customData: '<language>vi</language>',
    // Notices get their own share so that a busy week of notices never pushes articles out of the feed.
    items: feedItems(
      articles.all.slice(0, 50).map((a) => ({ title: a.data.title, link: urls.article(a.id), pubDate: a.data.date, description: a.data.summary })),
      notices.all.slice(0, 20).map((n) => ({
        title: n.data.title,
        link: urls.notice(n.id),
        pubDate: n.data.date,
        description: [NOTICE_KINDS[n.data.kind], n.data.number].filter(Boolean).join(' '),
      })),
    ),
  });
};

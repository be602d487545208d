/** The preview of an article: headline, dateline, sapo, cover and body as on /bai-viet/<slug>/. */
import { createElement as h } from 'react';
import { formatDateline } from '../../src/lib/dates';
import { vi } from '../../src/i18n/vi';
import { date, list, page, prose, text, type PreviewProps } from './parts';

export function ArticlePreview(props: PreviewProps) {
  const { entry, getAsset, fieldsMetaData } = props;
  const category = text(entry, 'category');
  // The relation widget keeps the chosen category's data; its name is what readers see.
  const categoryName = (fieldsMetaData?.getIn(['category', 'categories', category, 'name']) as string | undefined) ?? category;
  const published = date(entry, 'date');
  const cover = text(entry, 'cover', 'src');
  const caption = text(entry, 'cover', 'caption');
  const tags = list(entry, 'tags').map(String).filter(Boolean);
  const byline = [text(entry, 'author'), text(entry, 'source') && `${vi.source}: ${text(entry, 'source')}`].filter(Boolean);
  return page(
    h(
      'header',
      { className: 'article-header' },
      categoryName && h('span', { className: 'article-category' }, categoryName),
      h('h1', null, text(entry, 'title')),
      published && h('p', { className: 'meta' }, formatDateline(published)),
    ),
    text(entry, 'summary') && h('p', { className: 'summary' }, text(entry, 'summary')),
    cover &&
      h(
        'figure',
        { className: 'cover' },
        h('img', { src: String(getAsset(cover) ?? ''), alt: text(entry, 'cover', 'alt') }),
        caption && h('figcaption', null, caption),
      ),
    prose(props),
    byline.length > 0 && h('p', { className: 'byline' }, byline.join(' · ')),
    tags.length > 0 && h('p', { className: 'preview-tags' }, `${vi.tags}: ${tags.join(', ')}`),
  );
}

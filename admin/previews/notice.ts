/** The preview of a notice: kind, number, dates, meeting and attachments as on /thong-bao/<slug>/. */
import { createElement as h, Fragment } from 'react';
import { formatDate, formatEventTime } from '../../src/lib/dates';
import { NOTICE_KINDS, type NoticeKind } from '../../src/lib/schemas';
import { vi } from '../../src/i18n/vi';
import { date, list, page, prose, text, type PreviewProps } from './parts';

/** A term and its description in the facts list, when there is something to say. */
const fact = (term: string, description: string | undefined) => description && h(Fragment, { key: term }, h('dt', null, term), h('dd', null, description));

export function NoticePreview(props: PreviewProps) {
  const { entry } = props;
  const kind = NOTICE_KINDS[text(entry, 'kind') as NoticeKind] ?? '';
  const issued = date(entry, 'date');
  const start = date(entry, 'event', 'start');
  const end = date(entry, 'event', 'end');
  const attachments = list(entry, 'attachments') as { file?: string; title?: string }[];
  return page(
    h('header', { className: 'article-header' }, kind && h('span', { className: 'article-category' }, kind), h('h1', null, text(entry, 'title'))),
    h(
      'dl',
      { className: 'facts' },
      fact(vi.noticeNumber, text(entry, 'number')),
      fact(vi.noticeKind, kind),
      fact(vi.noticeDate, issued && formatDate(issued)),
      fact(vi.eventTime, start && formatEventTime(start)),
      fact(vi.eventEnd, end && formatEventTime(end)),
      fact(vi.eventLocation, text(entry, 'event', 'location')),
    ),
    prose(props),
    attachments.length > 0 &&
      h(
        'section',
        null,
        h('h2', null, vi.attachments),
        h('ul', { className: 'attachments' }, ...attachments.map((a, i) => h('li', { key: i }, a.title || a.file))),
      ),
  );
}

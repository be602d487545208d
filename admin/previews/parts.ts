/** What the article and notice previews share: reading the entry, and the parts that look alike. */
import { createElement as h, type ReactNode } from 'react';
import { parseVietnamDate } from '../../src/lib/dates';

export interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: unknown[]): unknown;
  toJS?(): unknown;
}

/** Decap's props for a preview template (the part used here). */
export interface PreviewProps {
  entry: ImmutableLike;
  widgetFor(name: string): ReactNode;
  getAsset(path: string, field?: unknown): unknown;
  fieldsMetaData?: ImmutableLike;
}

/** A text field of the entry, '' when empty. */
export const text = (entry: ImmutableLike, ...path: string[]): string => {
  const value = entry.getIn(['data', ...path]);
  return typeof value === 'string' ? value : '';
};

/** A date field, read as the site reads it (no offset means Viet Nam time). */
export const date = (entry: ImmutableLike, ...path: string[]): Date | undefined => parseVietnamDate(text(entry, ...path));

/** A list field as strings. */
export const list = (entry: ImmutableLike, ...path: string[]): unknown[] => {
  const value = entry.getIn(['data', ...path]) as ImmutableLike | undefined;
  const js = value?.toJS?.();
  return Array.isArray(js) ? js : [];
};

/** The page frame: the site's container and an article, like an entry's page without header and sidebar. */
export const page = (...children: ReactNode[]) => h('div', { className: 'container' }, h('article', null, ...children));

/** The body as the site's `.prose`. */
export const prose = (props: PreviewProps) => h('div', { className: 'prose' }, props.widgetFor('body'));

/**
 * Decap's Markdown editor serialisers, run in Node with the site's editor components and remark plugin
 * registered as admin/cms.ts registers them: what the CMS writes when an editor saves a body.
 *
 * Decap's markdown widget reads its editor components from a module-level hook that its editor control
 * sets when it is created, so one control is created (never rendered) to install ours. Its modules
 * expect a browser only for `window` and `localStorage` at load time.
 */
import { Map } from 'immutable';
import { editorComponents } from '../../admin/components';
import { remarkMdxSafe } from '../../admin/mdx-safe';

interface Serialisers {
  markdownToSlate(markdown: string, options: { remarkPlugins: unknown[] }): unknown;
  slateToMarkdown(slate: unknown, options: { remarkPlugins: unknown[] }): string;
  markdownToRemark(markdown: string, remarkPlugins: unknown[]): unknown;
  remarkToMarkdown(mdast: unknown, remarkPlugins: unknown[]): string;
}

let loaded: Promise<Serialisers> | undefined;

function load(): Promise<Serialisers> {
  loaded ??= (async () => {
    const g = globalThis as Record<string, unknown>;
    g.window ??= globalThis;
    g.localStorage ??= { getItem: () => null, setItem: () => {} };
    // @ts-expect-error Decap's internal modules have no type declarations
    const { default: createEditorComponent } = await import('decap-cms-core/dist/esm/valueObjects/EditorComponent.js');
    // @ts-expect-error as above
    const { default: MarkdownControl } = await import('decap-cms-widget-markdown/dist/esm/MarkdownControl/index.js');
    // @ts-expect-error as above
    const serialisers = (await import('decap-cms-widget-markdown/dist/esm/serializers/index.js')) as Serialisers;
    const plugins = Map(editorComponents.map((c) => [c.id, createEditorComponent(c)]));
    new MarkdownControl({ getEditorComponents: () => plugins, field: Map(), t: (key: string) => key });
    return serialisers;
  })();
  return loaded;
}

/**
 * A body through Decap's rich-text editor and back, as when an editor opens an entry and saves it:
 * Markdown → Slate (the editor's document) → Markdown.
 */
export async function throughRichTextEditor(markdown: string): Promise<string> {
  const s = await load();
  return s.slateToMarkdown(s.markdownToSlate(markdown, { remarkPlugins: [remarkMdxSafe] }), { remarkPlugins: [remarkMdxSafe] });
}

/** A Slate document (what an editor typed) as the Markdown Decap writes for it. */
export async function slateToMarkdown(slate: unknown): Promise<string> {
  const s = await load();
  return s.slateToMarkdown(slate, { remarkPlugins: [remarkMdxSafe] });
}

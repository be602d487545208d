/** The shape of a Decap editor component as this site writes them (a subset of Decap's `EditorComponentOptions`). */
export interface SiteEditorComponent<Data extends Record<string, string>> {
  /** Decap's id, used in `editor_components` of admin/config.yml */
  id: string;
  label: string;
  fields: Record<string, unknown>[];
  pattern: RegExp;
  fromBlock(match: RegExpMatchArray): Data;
  toBlock(data: Partial<Data>): string;
  /** HTML for the CMS preview, with the classes of the site's component (src/components/mdx/mdx.css) */
  toPreview(data: Partial<Data>, getAsset: (path: string, field?: unknown) => unknown, fields?: unknown): string;
}

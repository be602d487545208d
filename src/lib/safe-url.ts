/** Link schemes content may use: everything else (javascript:, data:, vbscript:, file:) is refused. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Whether a URL may stand in a link or image: relative, or http(s)/mailto/tel. Browsers ignore
 * white space and control characters inside a scheme, so they are removed before it is read.
 */
export function isSafeUrl(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

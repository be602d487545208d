/**
 * Where the content lives, relative to the project root. `CONTENT_DIR` points a build at another
 * corpus (tests, benchmarks) without copying the site.
 */
export const contentRoot = (process.env.CONTENT_DIR ?? 'content').replace(/\/+$/, '');

import { existsSync, readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The HTML files a build wrote, relative to its output folder, in a stable order: those Astro lists for
 * its routes when the build is done (`assets`, pages rendered and pages copied from the cache alike) and
 * those of the public folder, copied as they are. Walking the output folder instead took 1 s at 10,000
 * articles, most of it opening its 14,000 folders, in each step that needed the list.
 */
export function builtHtmlFiles(outDir: string, assets: ReadonlyMap<string, readonly URL[]>, publicDir: string): string[] {
  const files = new Set<string>();
  for (const urls of assets.values()) for (const url of urls) files.add(relative(outDir, fileURLToPath(url)));
  if (existsSync(publicDir)) for (const file of readdirSync(publicDir, { recursive: true, encoding: 'utf8' })) files.add(file);
  return [...files].filter((file) => file.endsWith('.html')).sort();
}

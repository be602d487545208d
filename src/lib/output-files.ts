import { existsSync, readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files Astro wrote for its routes (`assets`, pages rendered and pages copied from the cache alike), relative to the output folder. */
export function routeFiles(outDir: string, assets: ReadonlyMap<string, readonly URL[]>): Set<string> {
  const files = new Set<string>();
  for (const urls of assets.values()) for (const url of urls) files.add(relative(outDir, fileURLToPath(url)));
  return files;
}

/**
 * The HTML files a build wrote, relative to its output folder, in a stable order: those of its routes
 * (routeFiles) and those of the public folder, copied as they are. Walking the output folder instead
 * took 1 s at 10,000 articles, most of it opening its 14,000 folders, in each step that needed the list.
 */
export function builtHtmlFiles(outDir: string, assets: ReadonlyMap<string, readonly URL[]>, publicDir: string): string[] {
  const files = routeFiles(outDir, assets);
  if (existsSync(publicDir)) for (const file of readdirSync(publicDir, { recursive: true, encoding: 'utf8' })) files.add(file);
  return [...files].filter((file) => file.endsWith('.html')).sort();
}

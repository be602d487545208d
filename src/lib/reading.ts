/**
 * Reading aids computed at build time: the reading time shown beside the date, and the table of
 * contents ("Mục lục") of long entries.
 */

/**
 * Words an adult reads in a minute. Vietnamese writes each syllable apart, so a "word" here is a
 * syllable; about 200 a minute is the usual figure for attentive reading of news prose.
 */
export const WORDS_PER_MINUTE = 200;

/** An entry gets a table of contents from this many h2/h3 headings on. */
export const TOC_MIN_HEADINGS = 3;

/**
 * The number of words (syllables) a reader sees in a Markdown/MDX body: image syntax, link targets,
 * HTML/JSX tags, MDX expressions, bare URLs, list numbers and Markdown punctuation (`##`, `>`, `-`,
 * `**`) are not words; link texts are.
 * @example countWords('## Tiêu đề\n\nXem [văn bản](https://x.vn/a.pdf) **này**.') // 6
 */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/^\s*(?:import|export)\s.*$/gm, ' ')
    .replace(/^\s*\d+[.)]\s/gm, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ');
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * Whole minutes to read a body of `words` words (`countWords`), rounded to the nearest minute and never
 * less than one.
 * @example readingMinutes(1000) // 5
 */
export function readingMinutes(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/** A heading as Astro's `render()` returns it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem {
  slug: string;
  text: string;
  children: TocItem[];
}

/**
 * The table of contents of an entry: its h2 headings, each with the h3 headings that follow it
 * (an h3 before any h2 stands on its own). Empty when the entry has fewer than `min` h2/h3
 * headings: a short piece reads better without one.
 */
export function tableOfContents(headings: readonly Heading[], min = TOC_MIN_HEADINGS): TocItem[] {
  const relevant = headings.filter((h) => h.depth === 2 || h.depth === 3);
  if (relevant.length < min) return [];
  const items: TocItem[] = [];
  let section: TocItem | undefined;
  for (const { depth, slug, text } of relevant) {
    const item: TocItem = { slug, text, children: [] };
    if (depth === 3 && section) section.children.push(item);
    else {
      items.push(item);
      if (depth === 2) section = item;
    }
  }
  return items;
}

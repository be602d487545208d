/**
 * Vietnamese text as the search index sees it, shared by the indexer (at build) and the search page
 * (in the browser), so that what is typed and what is indexed are folded the same way.
 *
 * Pagefind already ignores tone marks (it strips combining marks after NFD), but:
 * - Đ/đ has no decomposition, so "dang uy" would never find "Đảng ủy": we fold đ to d ourselves;
 * - "hoà" and "hòa" differ in where the mark sits, and Pagefind ranks the exact spelling higher: we
 *   move the mark to one place (the traditional "hòa", "thủy", "khỏe") so both spellings rank alike;
 * - it has no phrase proximity: we add tokens for adjacent syllable pairs ("hoctap" for "học tập"),
 *   which a phrase search looks for first;
 * - document numbers (25-TB/ĐUK) are typed in many ways: we add one compact token ("25tbduk").
 * Folding keeps every word's length and place, so the real letters can be put back for display.
 */

/** Where a page's own text ends and the added tokens begin, in the index's copy of the text. */
export const TOKEN_SECTION_MARKER = 'zzvitokens';

/**
 * Prefixes of the tokens that stand for a title's syllables and adjacent pairs ("ztdang",
 * "zpdanguy"): searching them finds pages whose title holds the query, without loading any page.
 * A prefix, not a suffix, so that the last word still matches while it is being typed.
 */
export const TITLE_WORD = 'zt';
export const TITLE_PAIR = 'zp';

/** Filter names in the index, which are also the search page's URL parameters. */
export const SEARCH_FILTERS = { type: 'loai', category: 'chuyen-muc', year: 'nam', kind: 'van-ban' } as const;

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Moves the tone mark of an open "oa", "oe" or "uy" syllable to its first vowel: "hoà" → "hòa",
 * "thuỷ" → "thủy", "khoẻ" → "khỏe". Syllables with a final consonant ("hoàn") are written one way in
 * both styles and are left alone, as is "quý" (the u belongs to qu).
 */
export function canonicalToneMarks(word: string): string {
  const decomposed = word.normalize('NFD');
  const match = /^(.*?)([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])$/u.exec(decomposed);
  if (!match) return word.normalize('NFC');
  const [, before, first, second, tone] = match;
  const pair = (first + second).toLowerCase();
  if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return word.normalize('NFC');
  if (/[qQ]$/.test(before) || TONE_MARKS.test(before)) return word.normalize('NFC');
  return (before + first + tone + second).normalize('NFC');
}

/**
 * The form of a text the index holds and queries are matched in: NFC, one tone-mark style, đ → d.
 * Same length as the NFC input, word for word.
 * @example foldVietnamese('Đảng ủy hoà bình') // 'Dảng ủy hòa bình'
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFC')
    .replace(WORD, canonicalToneMarks)
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .replaceAll('\u00F0', 'd')
    .replaceAll('\u00D0', 'D');
}

/** Lower case, no marks at all: how two spellings are compared ("Đảng" and "dang" are the same key). */
export function searchKey(text: string): string {
  return foldVietnamese(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The tokens that let a search find pages by their title: one per syllable and one per adjacent pair. */
export function titleTokens(title: string): string[] {
  return [...syllables(title).map((w) => TITLE_WORD + searchKey(w)), ...syllablePairs(title).map((p) => TITLE_PAIR + p)];
}

/** The syllables (words) of a text, in order. */
export function syllables(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

/**
 * Tokens for each pair of adjacent syllables within a sentence, so that a page where the words stand
 * together can be found before pages where they are scattered.
 * @example syllablePairs('Học tập và làm theo') // ['hoctap', 'tapva', 'valam', 'lamtheo']
 */
export function syllablePairs(text: string): string[] {
  const pairs: string[] = [];
  for (const sentence of text.split(/[.!?;:,()\[\]"“”«»…\n–—]+/)) {
    const words = syllables(sentence).map(searchKey);
    for (let i = 1; i < words.length; i++) pairs.push(words[i - 1] + words[i]);
  }
  return pairs;
}

const DOCUMENT_NUMBER_IN_TEXT = /\b\d{1,5}(?:[-/.][\p{L}\d]{1,12})+/gu;

/** The compact key of a document number: "25-TB/ĐUK", "25 tb duk" → "25tbduk". */
export function documentNumberKey(text: string): string {
  return searchKey(text).replace(/[^a-z0-9]/g, '');
}

/** Compact keys of every document number written in a text ("Chỉ thị 05-CT/TW" → "05cttw"). */
export function documentNumberKeys(text: string): string[] {
  return [...new Set((text.normalize('NFC').match(DOCUMENT_NUMBER_IN_TEXT) ?? []).map(documentNumberKey))];
}

/**
 * The words of a page whose folded form differs from what readers see, as `folded=original` pairs:
 * enough to show the real letters again in excerpts built from the folded index text.
 */
export function restorationPairs(text: string): string {
  const seen = new Map<string, Map<string, number>>();
  for (const word of syllables(text)) {
    const folded = foldVietnamese(word);
    if (folded === word) continue;
    const counts = seen.get(folded) ?? new Map<string, number>();
    counts.set(word, (counts.get(word) ?? 0) + 1);
    seen.set(folded, counts);
  }
  // Where two originals fold alike on one page (rare: "đa"/"da"), the more frequent one wins.
  return [...seen].map(([folded, counts]) => `${folded}=${[...counts].sort((a, b) => b[1] - a[1])[0][0]}`).join(' ');
}

/** Parses `restorationPairs` output into a lookup. */
export function parseRestoration(pairs: string): Map<string, string> {
  return new Map(
    pairs
      .split(' ')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
}

export interface SearchPlan {
  /** The query's syllables, folded, for Pagefind's normal search */
  plain: string;
  /** Adjacent-pair tokens, when the query has two syllables or more */
  phrase?: string;
  /** Title-word tokens: pages whose title holds every word */
  title: string;
  /** Title-pair tokens, when the query has two syllables or more: pages whose title holds the phrase */
  titlePhrase?: string;
  /** The compact document-number token, when the query has one */
  number?: string;
  /** The query is nothing but a document number */
  numberOnly: boolean;
  /** Search keys of the query's syllables, to mark matches in excerpts */
  keys: string[];
  /** The query's syllables as typed (NFC), to name them back to the reader */
  words: string[];
}

/** The longest query worth searching: anything longer is cut (a pasted paragraph still works). */
export const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_WORDS = 20;

const LOOKS_LIKE_NUMBER = /^\s*\d{1,5}\s*[-/.\s]\s*\p{L}[\p{L}\d]*(?:\s*[-/.\s]\s*[\p{L}\d]+)*\s*$/u;

/**
 * Turns what a reader typed into the searches to run. Returns undefined when nothing searchable is
 * left (only punctuation or emoji).
 */
export function planSearch(input: string): SearchPlan | undefined {
  const text = input.normalize('NFC').slice(0, MAX_QUERY_LENGTH);
  const words = syllables(text).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return undefined;
  const folded = words.map((w) => foldVietnamese(w).toLowerCase());
  const keys = words.map(searchKey);
  const pairs = syllablePairs(text).slice(0, MAX_QUERY_WORDS - 1);
  const numberOnly = LOOKS_LIKE_NUMBER.test(text);
  const plan: SearchPlan = { plain: folded.join(' '), title: keys.map((k) => TITLE_WORD + k).join(' '), keys, words, numberOnly };
  if (words.length > 1 && pairs.length > 0) {
    plan.phrase = pairs.join(' ');
    plan.titlePhrase = pairs.map((p) => TITLE_PAIR + p).join(' ');
  }
  const numberMatch = documentNumberKeys(text)[0] ?? (numberOnly ? documentNumberKey(text) : undefined);
  if (numberMatch) plan.number = numberMatch;
  return plan;
}

/**
 * Whether a page's indexed text really holds every token of a token search (the last one as a
 * prefix). Pagefind answers a search that matches nothing with a fuzzy fallback (it splits unknown
 * words into known ones), so a token search's answer is checked on its best hit before it is trusted:
 * the fallback never mixes with real matches.
 */
export function holdsTokens(indexedText: string, tokens: string): boolean {
  const words = new Set(indexedText.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const wanted = tokens.split(' ').filter(Boolean);
  return wanted.every((token, i) => words.has(token) || (i === wanted.length - 1 && [...words].some((w) => w.startsWith(token))));
}

/** The ids each of a plan's searches found; `plain` in Pagefind's order. */
export interface TierHits {
  plain: readonly string[];
  phrase?: readonly string[];
  title?: readonly string[];
  titlePhrase?: readonly string[];
  number?: readonly string[];
}

/**
 * Orders the pages found by a plan's searches. What a reader remembers best is the title, so a page
 * whose title holds the phrase comes first, then one whose title holds every word; a page carrying the
 * document number typed, then one where the words stand together, count next. Pagefind's own order
 * (word frequency, length) breaks ties. A bare document number outweighs everything.
 */
export function rankHits(hits: TierHits, numberOnly: boolean): string[] {
  const member = (list?: readonly string[]) => new Set(list ?? []);
  const titlePhrase = member(hits.titlePhrase);
  const title = member(hits.title);
  const number = member(hits.number);
  const phrase = member(hits.phrase);
  const score = (id: string) =>
    (titlePhrase.has(id) ? 8 : 0) + (title.has(id) ? 4 : 0) + (number.has(id) ? (numberOnly ? 16 : 3) : 0) + (phrase.has(id) ? 2 : 0);
  const order = new Map(hits.plain.map((id, i) => [id, i]));
  // Pages found by a token search but not by the word search (a number typed without its words) still count.
  const all = [...new Set([...hits.plain, ...(hits.number ?? []), ...(hits.phrase ?? [])])];
  return all.sort((a, b) => score(b) - score(a) || (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of a page around the query's words, in the page's real letters, with the matched words
 * marked: the window of `length` words that holds the most different query words (then the most
 * matches), and the start of the text when nothing matches.
 */
export function buildExcerpt(
  content: string,
  plan: Pick<SearchPlan, 'keys' | 'number'>,
  restore: Map<string, string>,
  length = 32,
): ExcerptPart[] {
  const words = content.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const keys = plan.keys.filter(Boolean);
  const last = keys.length - 1;
  // A word matches through any of its syllables ("25-TB/ĐUK" holds "tb"); the last query word may
  // still be being typed, so it matches as a prefix, as Pagefind does.
  const matchOf = (word: string) => {
    if (plan.number && documentNumberKey(word) === plan.number) return keys.length;
    for (const syllable of syllables(word)) {
      const key = searchKey(syllable);
      const found = keys.findIndex((k, i) => (i === last ? key.startsWith(k) : key === k));
      if (found >= 0) return found;
    }
    return -1;
  };
  const matches = words.map(matchOf);
  let best = 0;
  let bestScore = [-1, -1];
  for (let start = 0; start < Math.max(1, words.length - length + 1); start++) {
    const window = matches.slice(start, start + length).filter((m) => m >= 0);
    const score = [new Set(window).size, window.length];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = start;
      bestScore = score;
    }
  }
  // Start a few words before the first match so it reads in context, keeping the last match in view.
  const inWindow = matches.map((m, i) => (m >= 0 && i >= best && i < best + length ? i : -1)).filter((i) => i >= 0);
  const start = inWindow.length === 0 ? 0 : Math.min(Math.max(inWindow[0] - 4, inWindow.at(-1)! - length + 1, 0), inWindow[0]);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '… ', mark: false });
  words.slice(start, start + length).forEach((word, i) => {
    parts.push({ text: word.replace(WORD, (w) => restore.get(w) ?? w), mark: matches[start + i] >= 0 });
    parts.push({ text: ' ', mark: false });
  });
  parts.pop();
  if (start + length < words.length) parts.push({ text: ' …', mark: false });
  return parts;
}

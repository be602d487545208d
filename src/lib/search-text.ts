/**
 * Vietnamese text as the search index sees it, shared by the indexer (at build) and the search page
 * (in the browser), so that what is typed and what is indexed are folded the same way.
 *
 * Pagefind already ignores tone marks (it strips combining marks after NFD), but:
 * - Đ/đ has no decomposition, so "dang uy" would never find "Đảng ủy": we fold đ to d ourselves;
 * - "hoà" and "hòa" differ in where the mark sits, and Pagefind ranks the exact spelling higher: we
 *   move the mark to one place (the traditional "hòa", "thủy", "khỏe") so both spellings rank alike;
 * - it matches every query word as a prefix, and Vietnamese syllables are short ("chi" would also find
 *   "chính", "chiến", "chiều"): every word in the index ends with WORD_END, and so does every query
 *   word but the last, which alone is matched as a prefix, as it may still be being typed;
 * - it has no phrase proximity and no notion of a title: we add terms for the title's syllables and
 *   adjacent pairs, and for the text's adjacent pairs, which the search page looks for to rank pages
 *   where the query's words stand together, or stand in the title, first;
 * - document numbers (25-TB/ĐUK) are typed in many ways: we add one compact term ("25tbdukq").
 */

import { memoised } from './memo.ts';

/**
 * Ends every word of the text in the index ("dảngq"). No Vietnamese syllable ends in "q", so "chiq" is
 * a word of its own; and Pagefind's fallback for a word it cannot find (the longest indexed word the
 * query word begins with) never turns an unknown word into a known one.
 */
export const WORD_END = 'q';

/**
 * Ends a title syllable ("dảngf") and each syllable of a title pair ("dảngfủyf"). No Vietnamese
 * syllable ends in "f", and "f" sorts just before "q": a word's title terms lie right before the word in
 * the index, so the chunk a query loads for the word mostly holds them too. (A word as common as "đảng"
 * fills a chunk and closes it; title terms sorted after it took another chunk, ~25 KB more per word.)
 */
export const TITLE_END = 'f';

/**
 * Starts the terms for the text's adjacent pairs ("zqhoctapq"), kept apart from the words: a word's
 * search must not load every pair the word begins, and a phrase is looked for only when the title
 * terms have not filled the first page of results.
 */
export const TEXT_PAIR = 'zq';

/** Filter names in the index, which are also the search page's URL parameters. */
export const SEARCH_FILTERS = { type: 'loai', category: 'chuyen-muc', year: 'nam', kind: 'van-ban' } as const;

/** The folder of the site where the search page finds what it shows of each result. */
export const SEARCH_TEXT_DIR = 'tim-kiem/noi-dung';

/** The Pagefind ids of every searchable page, newest first: the order of "Mới nhất". */
export const SEARCH_NEWEST_PATH = `${SEARCH_TEXT_DIR}/moi-nhat.json`;

/**
 * Where the search page finds what it shows of a result, by the id the index gives the page. The index
 * has no fragments (Pagefind's would hold the index terms, not readable text): the build leaves them out.
 */
export function searchTextPath(id: string): string {
  if (!/^[\w-]+$/.test(id)) throw new Error(`Not a search result id: ${id}`);
  return `/${SEARCH_TEXT_DIR}/${id}.json`;
}

/** The file at searchTextPath: a page's address, labels and text as readers see them. */
export interface SearchText {
  url: string;
  title: string;
  text: string;
  /** "Bài viết", "Thông báo" or "Trang" */
  type: string;
  /** ISO 8601 with +07:00 */
  date?: string;
  category?: string;
  number?: string;
  kind?: string;
}

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

/** The syllables (words) of a text, in order. */
export function syllables(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

/** Where a phrase cannot run on: words either side of these do not stand together. */
const SENTENCE_BREAK = /[.!?;:,()\[\]"“”«»…\n–—]+/;

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
 * What the index keeps of a lower-case word: its letters and digits, as Pagefind keeps of a word. A
 * mark on a letter it does not compose with, or a letter with no lower case (𝐀), would make Pagefind
 * cut the word into parts and index those too (src/lib/pagefind-postings.ts makes no such parts).
 */
const indexable = (word: string) => word.replace(/[^\p{Alphabetic}\p{N}]|\p{Uppercase}/gu, '');

/**
 * The folded, lower-case form of a syllable, as it is matched with its marks ("Đảng" → "dảng"). Like
 * `wordKey`, computed once per distinct syllable: indexing folds every word of every page, and a
 * language's syllables are few (Vietnamese has under 10,000) while its pages' words are millions.
 */
const foldedWord = memoised((word: string) => indexable(foldVietnamese(word).toLowerCase()));
/** A syllable's search key ("dảng" → "dang"). */
const wordKey = memoised((word: string) => indexable(searchKey(word)));

/**
 * The terms the index holds for a page. Each term appears once, whatever its count: Pagefind returns
 * every position of every matched word, and at 10,000 pages the positions of common syllables ("đảng",
 * "bộ") made searches slow and their index chunks large. How often a word occurs still counts, through
 * the weight of the section it is put in (`textWords`). A term can still come in two lists (a document
 * number "2/13" and the word "213" are both `213q`): `weightedTerms` in search-records.ts keeps it once.
 */
export interface IndexTerms {
  /** The title's syllables, as words */
  titleWords: string[];
  /** The text's other syllables, by how often they occur: [weight, terms][], heaviest first */
  textWords: [number, string[]][];
  /** The title's syllables and adjacent pairs as title terms, and the document numbers */
  titleTerms: string[];
  /** The text's adjacent-syllable pairs, by how often they occur, as textWords */
  textPairs: [number, string[]][];
}

/** Occurrences of a word in a text → the weight of its one term, most first (Pagefind's default weight is 1). */
const WEIGHT_BY_COUNT: [minCount: number, weight: number][] = [
  [8, 2.5],
  [4, 2],
  [2, 1.5],
  [1, 1],
];

const titlePair = (first: string, second: string) => first + TITLE_END + second;
const textPair = (first: string, second: string) => TEXT_PAIR + wordKey(first) + wordKey(second);

/**
 * Each pair of adjacent syllables within a sentence, folded: a page where the query's words stand
 * together can then be found before pages where they are scattered.
 * @example adjacentPairs('Học tập, làm theo') // [['học', 'tập'], ['làm', 'theo']]
 */
export function adjacentPairs(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const sentence of text.split(SENTENCE_BREAK)) {
    const words = syllables(sentence).map(foldedWord);
    for (let i = 1; i < words.length; i++) pairs.push([words[i - 1], words[i]]);
  }
  return pairs;
}

/** Terms grouped by the weight their number of occurrences gives them, heaviest first. */
function byWeight(terms: string[]): [number, string[]][] {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const groups = new Map<number, string[]>();
  for (const [term, n] of counts) {
    const weight = WEIGHT_BY_COUNT.find(([min]) => n >= min)![1];
    if (!groups.has(weight)) groups.set(weight, []);
    groups.get(weight)!.push(term);
  }
  return [...groups].sort(([a], [b]) => b - a);
}

export function indexTerms(title: string, text: string, documentNumber = ''): IndexTerms {
  const titleWords = new Set(syllables(title).map(foldedWord));
  return {
    titleWords: [...titleWords].map((word) => word + WORD_END),
    textWords: byWeight(syllables(text).map(foldedWord).filter((word) => !titleWords.has(word)).map((word) => word + WORD_END)),
    titleTerms: [
      ...new Set([
        ...[...titleWords].map((word) => word + TITLE_END),
        ...adjacentPairs(title).map(([a, b]) => titlePair(a, b) + TITLE_END),
        ...documentNumberKeys([documentNumber, title, text].join('\n')).map((key) => key + WORD_END),
      ]),
    ],
    // A phrase said again ranks its page above one that says it once, as a word does.
    textPairs: byWeight(adjacentPairs(text).map(([a, b]) => textPair(a, b) + WORD_END)),
  };
}

/** Each query is a Pagefind search string: its terms ANDed, every term but the last one whole. */
export interface SearchPlan {
  /** The query's syllables, folded */
  plain: string;
  /** Text-pair terms, when the query has two syllables or more */
  phrase?: string;
  /** Title-word terms: pages whose title holds every word */
  title: string;
  /** Title-pair terms, when the query has two syllables or more: pages whose title holds the phrase */
  titlePhrase?: string;
  /** The compact document-number term, when the query has one */
  number?: string;
  /** The query is nothing but a document number */
  numberOnly: boolean;
  /**
   * The last syllable as a whole word. The last is matched as a prefix, and Pagefind looks a prefix up
   * in the one index chunk where it sorts: there are the word's title terms, which sort first, but not
   * always the word. Pagefind then matches among all the chunks it has loaded, so a search for the
   * whole word, run first, brings the word in.
   */
  lastWord: string;
  /** Search keys of the query's syllables, to mark matches in excerpts */
  keys: string[];
  /** The query's syllables as typed (NFC), to name them back to the reader */
  words: string[];
}

/** The longest query worth searching: anything longer is cut (a pasted paragraph still works). */
export const MAX_QUERY_LENGTH = 200;
/**
 * The most words searched: each is counted on its own, so a pasted paragraph must not cost hundreds of
 * searches; but a title pasted whole must keep the words that tell it from its namesakes ("… tỉnh năm
 * 2022": the 21st and 22nd syllables).
 */
const MAX_QUERY_WORDS = 32;

const LOOKS_LIKE_NUMBER = /^\s*\d{1,5}\s*[-/.\s]\s*\p{L}[\p{L}\d]*(?:\s*[-/.\s]\s*[\p{L}\d]+)*\s*$/u;

/** Query terms: whole words, except the last, which is matched as a prefix. */
const queryOf = (terms: string[], end: string) => terms.map((term, i) => (i < terms.length - 1 ? term + end : term)).join(' ');

/**
 * Turns what a reader typed into the searches to run. Returns undefined when nothing searchable is
 * left (only punctuation or emoji).
 */
export function planSearch(input: string): SearchPlan | undefined {
  const text = input.normalize('NFC').slice(0, MAX_QUERY_LENGTH);
  const words = syllables(text).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return undefined;
  const folded = words.map(foldedWord);
  const pairs = adjacentPairs(text).slice(0, MAX_QUERY_WORDS - 1);
  const numberOnly = LOOKS_LIKE_NUMBER.test(text);
  const plan: SearchPlan = {
    plain: queryOf(folded, WORD_END),
    // Every title word whole, the last too: a title term begun is a word of the text begun. A last word
    // still being typed is then found in no title, and Pagefind leaves it out of this search; the title
    // pair finds it as it is typed.
    title: folded.map((word) => word + TITLE_END).join(' '),
    lastWord: folded.at(-1)! + WORD_END,
    keys: words.map(wordKey),
    words,
    numberOnly,
  };
  if (words.length > 1 && pairs.length > 0) {
    plan.phrase = queryOf(pairs.map(([a, b]) => textPair(a, b)), WORD_END);
    plan.titlePhrase = queryOf(pairs.map(([a, b]) => titlePair(a, b)), TITLE_END);
  }
  const numberMatch = documentNumberKeys(text)[0] ?? (numberOnly ? documentNumberKey(text) : undefined);
  if (numberMatch) plan.number = numberMatch;
  return plan;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of a page's text around the query's words, with the matched words marked: the window of
 * `length` words that holds the most different query words (then the most matches), and the start of
 * the text when nothing matches. It runs on the reader's phone for every result shown, over the whole
 * text: each distinct word is matched once, and the window slides in one pass.
 */
export function buildExcerpt(text: string, plan: Pick<SearchPlan, 'keys' | 'number'>, length = 32): ExcerptPart[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const keys = plan.keys.filter(Boolean);
  const last = keys.length - 1;
  // A word matches through any of its syllables ("25-TB/ĐUK" holds "tb"); the last query word may
  // still be being typed, so it matches as a prefix, as Pagefind does. A document number has digits.
  const matchOf = (word: string) => {
    if (plan.number && /\d/.test(word) && documentNumberKey(word) === plan.number) return keys.length;
    for (const syllable of syllables(word)) {
      const key = wordKey(syllable);
      const found = keys.findIndex((k, i) => (i === last ? key.startsWith(k) : key === k));
      if (found >= 0) return found;
    }
    return -1;
  };
  const matches = words.map(memoised(matchOf));
  const best = bestWindow(matches, keys.length + 1, length);
  // Start a few words before the first match so it reads in context, keeping the last match in view.
  const inWindow = matches.map((m, i) => (m >= 0 && i >= best && i < best + length ? i : -1)).filter((i) => i >= 0);
  const start = inWindow.length === 0 ? 0 : Math.min(Math.max(inWindow[0] - 4, inWindow.at(-1)! - length + 1, 0), inWindow[0]);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '… ', mark: false });
  words.slice(start, start + length).forEach((word, i) => {
    parts.push({ text: word, mark: matches[start + i] >= 0 });
    parts.push({ text: ' ', mark: false });
  });
  parts.pop();
  if (start + length < words.length) parts.push({ text: ' …', mark: false });
  return parts;
}

/**
 * The first start of the window of `length` words holding the most different matches, then the most
 * matches. `matches` gives each word's match, from 0 to `kinds` - 1, or -1 for none.
 */
function bestWindow(matches: number[], kinds: number, length: number): number {
  const inWindow = new Array<number>(kinds).fill(0);
  let different = 0;
  let total = 0;
  const enter = (match: number | undefined, step: 1 | -1) => {
    if (match === undefined || match < 0) return;
    if (step === 1 ? inWindow[match]++ === 0 : --inWindow[match] === 0) different += step;
    total += step;
  };
  for (let i = 0; i < Math.min(length, matches.length); i++) enter(matches[i], 1);
  let best = 0;
  let bestScore = [-1, -1];
  for (let start = 0; start < Math.max(1, matches.length - length + 1); start++) {
    if (start > 0) {
      enter(matches[start - 1], -1);
      enter(matches[start + length - 1], 1);
    }
    if (different > bestScore[0] || (different === bestScore[0] && total > bestScore[1])) {
      best = start;
      bestScore = [different, total];
    }
  }
  return best;
}

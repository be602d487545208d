/**
 * The order of search results, and the searches it takes, computed lazily: a search that matches most
 * of the archive ("Đảng ủy Khối") costs time in proportion to the pages it returns, so the searches
 * that return the whole match are run only when the reader reaches their part of the list.
 */
import type { SearchPlan } from './search-text';

/** What the ranking needs of the search engine (Pagefind, in src/scripts/search-page.ts). */
export interface SearchEngine<Hit extends { id: string }> {
  /**
   * The pages holding every term of a query that the index holds (a term found nowhere is ignored),
   * best first, within the reader's filters; newest first if asked.
   */
  search(query: string, options?: { newest?: boolean }): Promise<Hit[]>;
  /** How many pages `search(query)` would return without the reader's filters; nothing is ranked. */
  count(query: string): Promise<number>;
  /** Loads what the index holds for the terms of a query, so that later searches do not wait for it. */
  load(query: string): Promise<void>;
  /** Whether the reader chose filters: then counts come from the filtered search itself. */
  readonly filtered: boolean;
}

export interface RankedResults<Hit> {
  /** How many pages were found */
  total: number;
  /** Query words found on no page: the results hold the other words only */
  missing: string[];
  /** The next results in rank order, up to `count` (fewer, or none, at the end) */
  next(count: number): Promise<Hit[]>;
  /** Whether next() has given every result */
  readonly done: boolean;
}

/**
 * Ranks what a plan finds by what readers remember best. A query that is only a document number finds
 * the pages carrying that number, and only those, however its parts were typed ("25tbduk"): not the
 * pages where "25", "TB" and "ĐUK" stand apart. Otherwise, first the pages whose title holds every word
 * of the query (those whose title holds the phrase before the others) and the pages carrying a document
 * number typed, in Pagefind's order of their title terms and words together; then the pages where the
 * words stand together (the phrase), then every other page holding the words, each in Pagefind's order.
 */
export async function rankResults<Hit extends { id: string }>(
  engine: SearchEngine<Hit>,
  plan: SearchPlan,
  newest = false,
): Promise<RankedResults<Hit>> {
  const number = plan.number ? await engine.search(plan.number, { newest }) : [];
  if (plan.numberOnly && number.length > 0) return listed(number, number.length, [], []);
  const terms = plan.plain.split(' ');
  const titleTerms = plan.title.split(' ');
  // Counting the last word whole also loads its index chunk for the searches below (see plan.lastWord).
  // The title terms sort beside their words, in the chunks these counts load anyway; the title pairs
  // mostly do too, and are loaded meanwhile for the title-phrase searches below.
  const [counts] = await Promise.all([Promise.all([...terms, plan.lastWord, ...titleTerms].map((term) => engine.count(term))), plan.titlePhrase && engine.load(plan.titlePhrase)]);
  const missing = [...new Set(plan.words.filter((_, i) => counts[i] === 0))];
  if (counts.every((n) => n === 0) && number.length === 0) return listed([], 0, missing, []);
  if (newest) {
    const hits = await engine.search(plan.plain, { newest: true });
    const all = [...new Map([...hits, ...number].map((hit) => [hit.id, hit])).values()];
    return listed(all, all.length, missing, []);
  }

  const titleSearch = titleWordsSearch(plan, counts.slice(terms.length + 1), counts[terms.length]);
  // The count is asked for beside the ranking searches, so that it is not left waiting behind them.
  const [{ total, words }, titles] = await Promise.all([countAll(engine, plan, number), titlesFirst(engine, plan, titleSearch, number)]);
  const later = [...titles.later];
  if (plan.phrase) later.push(() => engine.search(`${plan.phrase} ${plan.plain}`));
  later.push(async () => words ?? engine.search(plan.plain));
  return listed(titles.first, total, missing, later);
}

/**
 * The pages that lead, and the search for the rest of them when the reader goes past these: the pages
 * whose title holds every word of the query (`titleSearch`), those whose title holds the phrase first,
 * and the pages carrying the document number typed.
 */
async function titlesFirst<Hit extends { id: string }>(
  engine: SearchEngine<Hit>,
  plan: SearchPlan,
  titleSearch: string | undefined,
  number: Hit[],
): Promise<{ first: Hit[]; later: (() => Promise<Hit[]>)[] }> {
  const inNumber = new Set(number.map((hit) => hit.id));
  // A stable partition: the pages carrying the number typed first, each part in Pagefind's order.
  const numberFirst = (hits: Hit[]) => [...hits.filter((hit) => inNumber.has(hit.id)), ...hits.filter((hit) => !inNumber.has(hit.id))];
  if (titleSearch && plan.titlePhrase) {
    const phraseSearch = `${plan.titlePhrase} ${plan.plain}`;
    // Pagefind takes a title pair it cannot find for the longest term it begins with ("dịnhf144" for
    // "dịnhf"), so the phrase search can find titles without the phrase. Two counts tell when it does
    // not: when every page it finds also has every title word, it finds the titles holding the phrase.
    const [phraseCount, inTitlesCount] = await Promise.all([engine.count(phraseSearch), engine.count(`${titleSearch} ${plan.titlePhrase}`)]);
    if (phraseCount > 0 && phraseCount === inTitlesCount) {
      // These titles lead in Pagefind's order of the title pairs and words together. The title words
      // search, the longer one (for the 1,333 titles holding "Đảng ủy Khối", 50 ms with the title-pair
      // search it replaces; this one 20 ms), runs only when the reader goes past them.
      return {
        first: numberFirst(await engine.search(phraseSearch)),
        later: [async () => [...numberFirst(await engine.search(titleSearch)), ...number]],
      };
    }
  }
  const [title, titlePhrase] = titleSearch ? await Promise.all([engine.search(titleSearch), plan.titlePhrase ? engine.search(plan.titlePhrase) : []]) : [[], []];
  const inTitlePhrase = new Set(titlePhrase.map((hit) => hit.id));
  const inTitle = new Set(title.map((hit) => hit.id));
  const score = (id: string) => (inTitlePhrase.has(id) ? 8 : 0) + (inTitle.has(id) ? 4 : 0) + (inNumber.has(id) ? 3 : 0);
  const unique = new Map<string, Hit>();
  // Only pages whose title holds the words lead: Pagefind leaves out of a search any term it finds
  // nowhere, so the title-pair search alone would also bring titles holding only some of the pairs.
  for (const hit of [...title, ...number]) if (!unique.has(hit.id)) unique.set(hit.id, hit);
  // A stable sort: pages that score alike keep Pagefind's order.
  return { first: [...unique.values()].sort((a, b) => score(b.id) - score(a.id)), later: [] };
}

/**
 * How many pages a plan finds, and, within filters, the pages themselves (Pagefind counts within
 * filters only by finding the pages). Every page holding the title words, the phrase or the number holds
 * the words too, except a page found by a number typed without its words ("25tbduk"): those are counted
 * on their own.
 */
async function countAll<Hit extends { id: string }>(engine: SearchEngine<Hit>, plan: SearchPlan, number: Hit[]): Promise<{ total: number; words?: Hit[] }> {
  if (engine.filtered) {
    const words = await engine.search(plan.plain);
    return { total: new Set([...words, ...number].map((hit) => hit.id)).size, words };
  }
  const total = await engine.count(plan.plain);
  if (number.length === 0) return { total };
  return { total: total + number.length - (total > 0 ? (await engine.search(`${plan.plain} ${plan.number}`)).length : 0) };
}

/**
 * The search for the pages whose title holds every word of the query, or nothing when no title can.
 * Pagefind leaves out of a search any term it finds nowhere: with a word that is in no title, the title
 * search would bring every title holding the other words ("cơ quan kết nghĩa" led by a "Tổng kết" of
 * the "cơ quan" whose text said "ý nghĩa"). Two exceptions:
 * - a number in no title is left to the text: it is a document's number or a year ("giấy mời 41");
 * - the last word may be still being typed ("Lò Thị Hươ"): when it is not a whole word of any page, a
 *   title must hold it begun, right after the word before it (the last title pair). A whole word in no
 *   title is not looked for as begun: Pagefind takes a pair it cannot find ("kếtfnghĩa") for the
 *   longest term it begins with ("kếtf").
 */
function titleWordsSearch(plan: SearchPlan, titleCounts: number[], lastWordCount: number): string | undefined {
  const titleTerms = plan.title.split(' ');
  const kept: string[] = [];
  for (const [i, term] of titleTerms.entries()) {
    if (titleCounts[i] > 0) kept.push(term);
    else if (/^\d+$/.test(plan.keys[i])) continue;
    else if (i < titleTerms.length - 1) return undefined;
    else {
      const lastPair = plan.titlePhrase?.split(' ').at(-1);
      if (!lastPair || lastWordCount > 0) return undefined;
      kept.push(lastPair);
    }
  }
  return kept.length > 0 ? `${kept.join(' ')} ${plan.plain}` : undefined;
}

/**
 * Hits newest first, by the place of each id in `newest` (the build's order of every page, newest
 * first, as a map from id to place); a hit the order lacks goes last.
 */
export function inDateOrder<Hit extends { id: string }>(hits: Hit[], newest: Map<string, number>): Hit[] {
  const place = (hit: Hit) => newest.get(hit.id) ?? Number.MAX_SAFE_INTEGER;
  return [...hits].sort((a, b) => place(a) - place(b));
}

/** Results given in turn from a first list, then from lists searched only when they are reached. */
function listed<Hit extends { id: string }>(first: Hit[], total: number, missing: string[], later: (() => Promise<Hit[]>)[]): RankedResults<Hit> {
  const seen = new Set<string>();
  let queue = first;
  let at = 0;
  const pending = [...later];
  async function take(count: number): Promise<Hit[]> {
    const out: Hit[] = [];
    while (out.length < count) {
      if (at >= queue.length) {
        const search = pending.shift();
        if (!search) break;
        queue = await search();
        at = 0;
        continue;
      }
      const hit = queue[at++];
      if (!seen.has(hit.id)) {
        seen.add(hit.id);
        out.push(hit);
      }
    }
    return out;
  }
  // One call at a time, so that two quick "more" clicks cannot interleave.
  let turn = Promise.resolve<Hit[]>([]);
  return {
    total,
    missing,
    get done() {
      return seen.size >= total || (pending.length === 0 && queue.slice(at).every((hit) => seen.has(hit.id)));
    },
    next(count) {
      turn = turn.then(() => take(count), () => take(count));
      return turn;
    },
  };
}

import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../src/lib/search-records';
import { inDateOrder, rankResults, type SearchEngine } from '../../src/lib/search-ranking';
import { indexTerms, planSearch } from '../../src/lib/search-text';

interface Page {
  id: string;
  title: string;
  text: string;
  date: string;
  number?: string;
}

const bare = (term: string) => term.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * An engine that matches as Pagefind does over the site's index terms: every query term is a prefix
 * of a held term (tone marks ignored); a term that begins no held term stands for the longest held
 * term it begins with, if any, and is ignored otherwise; when no term is left there is no result.
 * Pages come back in the order given, which stands for Pagefind's scoring.
 */
function engineOver(pages: Page[], filter?: (page: Page) => boolean) {
  const held = new Map(
    pages.map((page) => {
      const terms = indexTerms(page.title, page.text, page.number);
      return [page.id, [...terms.titleWords, ...terms.textWords.flatMap(([, list]) => list), ...terms.titleTerms, ...terms.textPairs.flatMap(([, list]) => list)].map(bare)];
    }),
  );
  const matching = (query: string, within: Page[]) => {
    const all = [...held.values()].flat();
    const known = query
      .split(' ')
      .map(bare)
      .map((term) => (all.some((t) => t.startsWith(term)) ? term : all.filter((t) => term.startsWith(t)).sort((a, b) => b.length - a.length)[0]))
      .filter((term): term is string => term !== undefined);
    if (known.length === 0) return [];
    return within.filter((page) => known.every((term) => held.get(page.id)!.some((t) => t.startsWith(term))));
  };
  // The order the build writes for "Mới nhất", as the search page reads it.
  const newest = new Map(newestFirst(pages.map((page) => ({ id: page.id, url: `/${page.id}/`, date: page.date }))).map((id, place) => [id, place]));
  const searches: string[] = [];
  const engine: SearchEngine<Page> = {
    filtered: filter !== undefined,
    async search(query, options) {
      searches.push(query);
      const found = matching(query, filter ? pages.filter(filter) : pages);
      return options?.newest ? inDateOrder(found, newest) : found;
    },
    async count(query) {
      searches.push(`count: ${query}`);
      return matching(query, pages).length;
    },
    async load(query) {
      searches.push(`load: ${query}`);
    },
  };
  return { engine, searches };
}

const pages: Page[] = [
  { id: 'scattered', title: 'Tin tổng hợp', text: 'Ủy ban nhân dân tỉnh. Khối thi đua. Đảng viên mới.', date: '2026-01-05' },
  { id: 'phrase-in-text', title: 'Hội nghị sơ kết', text: 'Đảng ủy Khối tổ chức hội nghị sơ kết.', date: '2025-03-01' },
  { id: 'title-words', title: 'Khối thi đua và Đảng ủy', text: 'Nội dung.', date: '2024-06-01' },
  { id: 'title-phrase', title: 'Đảng ủy Khối phát động thi đua', text: 'Nội dung.', date: '2023-02-01' },
  { id: 'other', title: 'Học tập và làm theo Bác', text: 'Chi bộ sinh hoạt chuyên đề.', date: '2026-02-01' },
  { id: 'notice', title: 'Thông báo kết luận', text: 'Thông báo số 25-TB/ĐUK của Đảng ủy Khối.', date: '2026-03-01', number: '25-TB/ĐUK' },
];

const ids = (list: Page[]) => list.map((page) => page.id);

describe('rankResults', () => {
  it('puts the title phrase first, then the title words, the number, the phrase in the text, then the rest', async () => {
    const { engine } = engineOver(pages);
    const results = await rankResults(engine, planSearch('dang uy khoi')!);
    expect(results.total).toBe(5);
    expect(results.missing).toEqual([]);
    expect(ids(await results.next(10))).toEqual(['title-phrase', 'title-words', 'phrase-in-text', 'notice', 'scattered']);
    expect(results.done).toBe(true);
  });

  it('runs the searches that return every match only when the reader reaches them', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, title: `Đảng ủy Khối ${i}`, text: 'Nội dung.', date: '2026-01-01' }));
    const { engine, searches } = engineOver([...many, ...pages]);
    const plan = planSearch('dang uy khoi')!;
    const results = await rankResults(engine, plan);
    expect(results.total).toBe(35);
    expect(ids(await results.next(10))).toEqual(many.slice(0, 10).map((p) => p.id));
    // One search ranks the first page: the titles holding the phrase, which hold every word.
    expect(searches.filter((q) => !q.startsWith('count: ') && !q.startsWith('load: '))).toEqual([`${plan.titlePhrase} ${plan.plain}`]);

    const rest = [...(await results.next(20)), ...(await results.next(20))];
    expect(ids(rest).slice(-5)).toEqual(['title-phrase', 'title-words', 'phrase-in-text', 'notice', 'scattered']);
    expect(new Set(ids(rest)).size).toBe(25);
    expect(results.done).toBe(true);
    expect(await results.next(10)).toEqual([]);
  });

  it('counts the last word whole and loads the title pairs before any search that ranks', async () => {
    const { engine, searches } = engineOver(pages);
    const plan = planSearch('Đảng ủy')!;
    await rankResults(engine, plan);
    const firstSearch = searches.findIndex((q) => !q.startsWith('count: ') && !q.startsWith('load: '));
    expect(plan.lastWord).toBe('ủyq');
    expect(firstSearch).toBeGreaterThan(0);
    expect(searches.indexOf('count: ủyq')).toBeGreaterThanOrEqual(0);
    expect(searches.indexOf('count: ủyq')).toBeLessThan(firstSearch);
    expect(searches.indexOf(`load: ${plan.titlePhrase}`)).toBeGreaterThanOrEqual(0);
    expect(searches.indexOf(`load: ${plan.titlePhrase}`)).toBeLessThan(firstSearch);
  });

  it('puts a title holding the phrase first while its last word is still being typed', async () => {
    const { engine } = engineOver(pages);
    const results = await rankResults(engine, planSearch('hoi ngh')!);
    expect(ids(await results.next(1))).toEqual(['phrase-in-text']);
    expect(results.total).toBe(1);
    // A last word begun is no title word yet: titles are matched on the words before it.
    const typing = await rankResults(engine, planSearch('khoi thi d')!);
    expect(ids(await typing.next(10))).toEqual(['title-words', 'title-phrase', 'scattered']);
  });

  it('lets no title lead when a word of the query is in no title, last or not', async () => {
    const local: Page[] = [
      { id: 'title-other-words', title: 'Tổng kết công tác cơ quan', text: 'Ý nghĩa của việc kết nối.', date: '2026-01-01' },
      { id: 'phrase', title: 'Khảo sát nông thôn mới', text: 'Hỗ trợ của cơ quan kết nghĩa.', date: '2025-01-01' },
    ];
    const { engine } = engineOver(local);
    for (const typed of ['cơ quan kết nghĩa', 'kết nghĩa cơ quan']) {
      expect(ids(await (await rankResults(engine, planSearch(typed)!)).next(10)), typed).toEqual(['phrase', 'title-other-words']);
    }
  });

  it('lets only titles holding the phrase lead when a title pair is held nowhere', async () => {
    // No title holds "định 144": Pagefind takes the pair "dịnhf144" for "dịnhf", which both titles hold.
    const local: Page[] = [
      { id: 'other-rule', title: 'Quán triệt Quy định số 08 về nêu gương', text: 'Thực hiện Quy định 144 của Bộ Chính trị.', date: '2026-01-01' },
      { id: 'every-word', title: 'Sơ kết 144 ngày thực hiện quy định', text: 'Quy định mới. Năm 144 ngày.', date: '2025-01-01' },
    ];
    const { engine } = engineOver(local);
    expect(ids(await (await rankResults(engine, planSearch('Quy định 144')!)).next(10))).toEqual(['every-word', 'other-rule']);
  });

  it('leaves to the text a number that is in no title: a document number or a year', async () => {
    const local: Page[] = [
      { id: 'bulletin', title: 'Bản tin tháng 11', text: 'Đã gửi giấy mời. Có 41 đại biểu dự.', date: '2026-01-01' },
      { id: 'invitation', title: 'Giấy mời học tập nghị quyết', text: 'Số 41-GM/ĐUK. Kính mời các đồng chí.', date: '2025-01-01' },
    ];
    const { engine } = engineOver(local);
    expect(ids(await (await rankResults(engine, planSearch('giấy mời 41')!)).next(10))).toEqual(['invitation', 'bulletin']);
  });

  it('gives each result once when "more" is asked for twice at the same time', async () => {
    const { engine } = engineOver(pages);
    const results = await rankResults(engine, planSearch('dang uy khoi')!);
    const [a, b, c] = await Promise.all([results.next(2), results.next(2), results.next(2)]);
    expect(ids([...a, ...b, ...c])).toEqual(['title-phrase', 'title-words', 'phrase-in-text', 'notice', 'scattered']);
  });

  it('names a word found nowhere and answers with the others', async () => {
    const { engine } = engineOver(pages);
    const results = await rankResults(engine, planSearch('Đảng ủy xyzw')!);
    expect(results.missing).toEqual(['xyzw']);
    expect(results.total).toBe(5);
    const nothing = await rankResults(engine, planSearch('xyzw qwrt')!);
    expect(nothing.total).toBe(0);
    expect(nothing.missing).toEqual(['xyzw', 'qwrt']);
    expect(await nothing.next(10)).toEqual([]);
  });

  it('does not take a word for every word it begins, except the last one typed', async () => {
    const { engine } = engineOver(pages);
    expect((await rankResults(engine, planSearch('chi bo')!)).total).toBe(1);
    // "thi" is a whole word here: "thị" is held nowhere, "thi đua" is.
    expect((await rankResults(engine, planSearch('thi dua')!)).total).toBe(3);
    expect((await rankResults(engine, planSearch('sinh hoat chuy')!)).total).toBe(1);
  });

  it('gives the pages carrying the number when a number is all that was typed, however it is typed', async () => {
    const apart = { id: 'parts-apart', title: 'Tin hội nghị', text: 'Có 25 đại biểu dự. TB: họp chi bộ. ĐUK chỉ đạo.', date: '2026-04-01' };
    const { engine, searches } = engineOver([...pages, apart]);
    for (const typed of ['25-TB/ĐUK', '25 tb duk', '25tbduk']) {
      const results = await rankResults(engine, planSearch(typed)!);
      expect(ids(await results.next(10)), typed).toEqual(['notice']);
      expect(results.missing, typed).toEqual([]);
      expect(results.total, typed).toBe(1);
      // Typed in parts, the parts are not looked up as words: their index chunks are not loaded.
      if (typed !== '25tbduk') expect(searches.splice(0), typed).toEqual(['25tbduk']);
    }
    // A number found nowhere is searched as words: the page names the part found nowhere.
    const words = await rankResults(engine, planSearch('26 tb duk')!);
    expect(words.missing).toEqual(['26']);
    expect(ids(await words.next(10))).toContain('parts-apart');
  });

  it('counts within the filters chosen, and orders by date when asked', async () => {
    const { engine } = engineOver(pages, (page) => page.date >= '2025');
    const results = await rankResults(engine, planSearch('dang uy')!);
    expect(results.total).toBe(3);
    expect(ids(await results.next(10))).toEqual(['phrase-in-text', 'notice', 'scattered']);

    const newest = await rankResults(engineOver(pages).engine, planSearch('dang uy')!, true);
    expect(ids(await newest.next(10))).toEqual(['notice', 'scattered', 'phrase-in-text', 'title-words', 'title-phrase']);
  });
});

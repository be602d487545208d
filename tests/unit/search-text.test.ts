import { describe, expect, it } from 'vitest';
import {
  buildExcerpt,
  canonicalToneMarks,
  documentNumberKey,
  documentNumberKeys,
  foldVietnamese,
  indexTerms,
  planSearch,
  searchKey,
  searchTextPath,
  adjacentPairs,
} from '../../src/lib/search-text';

describe('canonicalToneMarks', () => {
  it.each([
    ['hoà', 'hòa'],
    ['Hoà', 'Hòa'],
    ['thuỷ', 'thủy'],
    ['khoẻ', 'khỏe'],
    ['uỷ', 'ủy'],
    ['hoá', 'hóa'],
    ['hoạ', 'họa'],
  ])('%s → %s', (input, output) => expect(canonicalToneMarks(input)).toBe(output));

  it.each(['hòa', 'hoàn', 'thuyền', 'quý', 'quỳ', 'toán', 'khuya', 'hoa', 'Đảng'])('leaves %s alone', (word) => {
    expect(canonicalToneMarks(word)).toBe(word.normalize('NFC'));
  });
});

describe('foldVietnamese', () => {
  it('folds đ and the tone-mark style, keeping everything else', () => {
    expect(foldVietnamese('Đảng ủy hoà bình, Thuỷ lợi, đạo đức')).toBe('Dảng ủy hòa bình, Thủy lợi, dạo dức');
  });

  it('treats NFD input and the Icelandic eth like their proper forms', () => {
    expect(foldVietnamese('Đảng ủy'.normalize('NFD'))).toBe('Dảng ủy');
    expect(foldVietnamese('\u00D0ảng')).toBe('Dảng');
  });

  it('keeps the length of the text, so positions stay valid', () => {
    const text = 'Hoà bình, Đảng uỷ và khoẻ mạnh.';
    expect(foldVietnamese(text)).toHaveLength(text.normalize('NFC').length);
  });

  it('gives one key for every way of typing a word', () => {
    const keys = ['Đảng', 'đảng', 'dang', 'DANG', 'Đảng'.normalize('NFD')].map(searchKey);
    expect(new Set(keys)).toEqual(new Set(['dang']));
    expect(searchKey('hoà')).toBe(searchKey('hòa'));
  });
});

describe('adjacentPairs', () => {
  it('pairs adjacent syllables within a sentence only', () => {
    expect(adjacentPairs('Học tập và làm theo. Bác Hồ').map((p) => p.join(' '))).toEqual(['học tập', 'tập và', 'và làm', 'làm theo', 'bác hồ']);
    expect(adjacentPairs('Cán bộ, chủ trì Đảng ủy')).toEqual([['cán', 'bộ'], ['chủ', 'trì'], ['trì', 'dảng'], ['dảng', 'ủy']]);
  });
});

describe('document numbers', () => {
  it('has one key however it is typed', () => {
    for (const typed of ['25-TB/ĐUK', '25-tb/duk', '25 TB ĐUK', '25/TB-ĐUK', '25-TB/ĐUK'.normalize('NFD')]) {
      expect(documentNumberKey(typed), typed).toBe('25tbduk');
    }
  });

  it('finds numbers written in a text', () => {
    expect(documentNumberKeys('Theo Chỉ thị 05-CT/TW và Thông báo số 25-TB/ĐUK ngày 12/3')).toEqual(['05cttw', '25tbduk', '123']);
  });
});

describe('planSearch', () => {
  it('folds the query the way the index is folded, every word whole but the last', () => {
    expect(planSearch('Đảng ủy')).toEqual({
      plain: 'dảngq ủy',
      phrase: 'zqdanguy',
      title: 'dảngf ủyf',
      titlePhrase: 'dảngfủy',
      lastWord: 'ủyq',
      keys: ['dang', 'uy'],
      words: ['Đảng', 'ủy'],
      numberOnly: false,
    });
    expect(planSearch('dang uy khoi')?.phrase).toBe('zqdanguyq zquykhoi');
    expect(planSearch('hoà bình')?.plain).toBe(planSearch('hòa bình')?.plain);
    expect(planSearch('Đảng'.normalize('NFD'))).toEqual(planSearch('Đảng'));
  });

  it('recognises a document number however it is typed', () => {
    expect(planSearch('25-TB/ĐUK')).toMatchObject({ number: '25tbduk', numberOnly: true });
    expect(planSearch('thông báo 25-TB/ĐUK')).toMatchObject({ number: '25tbduk', numberOnly: false });
    expect(planSearch('25 tb duk')?.number).toBe('25tbduk');
    expect(planSearch('học tập 2025')?.number).toBeUndefined();
  });

  it('has nothing to search in punctuation or emoji', () => {
    expect(planSearch('')).toBeUndefined();
    expect(planSearch('  ?!… ')).toBeUndefined();
    expect(planSearch('🇻🇳🙏')).toBeUndefined();
  });

  it('cuts a very long query', () => {
    const plan = planSearch('hội nghị '.repeat(200))!;
    expect(plan.keys).toHaveLength(32);
    expect(plan.phrase!.split(' ')).toHaveLength(31);
  });

  it('treats markup as text', () => {
    expect(planSearch('<script>alert(1)</script>')?.plain).toBe('scriptq alertq 1q script');
  });
});

describe('indexTerms', () => {
  const title = 'Đảng ủy Khối tổ chức hội nghị';
  const text = 'Hội nghị học tập. Đảng ủy Khối chỉ đạo: học tập và làm theo Bác; học tập suốt đời. Thông báo 25-TB/ĐUK.';
  const terms = indexTerms(title, text);
  const all = [...terms.titleWords, ...terms.textWords.flatMap(([, list]) => list), ...terms.titleTerms, ...terms.textPairs.flatMap(([, list]) => list)];

  it('holds each term once, every one whole', () => {
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((term) => /[qf]$/.test(term))).toBe(true);
  });

  it('holds only letters and digits, as Pagefind keeps of a word, and a query is folded the same way', () => {
    // A mark on a letter it does not compose with, a mark alone, a letter with no lower case.
    const odd = indexTerms('Chữ x\u0301y', 'İstanbul \u0301 a𝐀b ½');
    const oddTerms = [...odd.titleWords, ...odd.textWords.flatMap(([, list]) => list), ...odd.titleTerms, ...odd.textPairs.flatMap(([, list]) => list)];
    expect(oddTerms.every((term) => /^[\p{Alphabetic}\p{N}]+$/u.test(term) && !/\p{Uppercase}/u.test(term))).toBe(true);
    expect(odd.titleWords).toContain('xyq');
    expect(oddTerms).toContain('istanbulq');
    expect(planSearch('x\u0301y')!.lastWord).toBe('xyq');
  });

  it('finds every query made of the page\'s words, typed any way, and no query made of others', () => {
    // Pagefind's matching: every term of the query present, the last as a prefix.
    const finds = (query: string) =>
      query.split(' ').every((term, i, list) => all.some((held) => (i === list.length - 1 ? held.startsWith(term) : held === term)));
    // Pagefind strips tone marks on both sides; the plan keeps them only to rank exact spellings first.
    const bare = (query: string) => query.normalize('NFD').replace(/\p{M}/gu, '');
    const stripped = all.map(bare);
    const findsBare = (query: string) =>
      bare(query).split(' ').every((term, i, list) => stripped.some((held) => (i === list.length - 1 ? held.startsWith(term) : held === term)));
    for (const typed of ['dang uy khoi', 'Đảng ủy', 'học tập và làm theo', 'hoc tap suot doi', 'hội ngh', '25-TB/ĐUK', '25 tb duk']) {
      const plan = planSearch(typed)!;
      expect(findsBare(plan.plain), typed).toBe(true);
      if (plan.phrase) expect(finds(plan.phrase), typed).toBe(true);
      if (plan.number) expect(finds(plan.number), typed).toBe(true);
    }
    expect(finds(planSearch('Đảng ủy Khối tổ chức')!.title)).toBe(true);
    expect(finds(planSearch('ủy Khối tổ')!.titlePhrase!)).toBe(true);
    // Words that stand apart are not a phrase; a syllable is not every syllable it begins.
    expect(finds(planSearch('học làm')!.phrase!)).toBe(false);
    expect(findsBare(planSearch('hoc ta')!.plain)).toBe(true);
    expect(findsBare(planSearch('ta hoc')!.plain)).toBe(false);
    // The title's words are title terms; the text's are not.
    expect(finds(planSearch('học tập')!.title)).toBe(false);
  });

  it('weighs a word of the text by how often it occurs', () => {
    const weightOf = (word: string) => terms.textWords.find(([, list]) => list.includes(word + 'q'))?.[0];
    expect(weightOf('học')).toBe(1.5);
    expect(weightOf('bác')).toBe(1);
    expect(weightOf('dảng')).toBeUndefined(); // a title word, weighed as a heading
    expect(terms.titleWords).toContain('dảngq');
  });

  it('weighs a pair of the text by how often it occurs, so that a phrase said again counts more', () => {
    const weightOf = (pair: string) => terms.textPairs.find(([, list]) => list.includes(`zq${pair}q`))?.[0];
    expect(weightOf('hoctap')).toBe(1.5);
    expect(weightOf('lamtheo')).toBe(1);
  });
});

describe('searchTextPath', () => {
  it('finds what a result shows by its id, and takes nothing else for an id', () => {
    expect(searchTextPath('vi_9fde562')).toBe('/tim-kiem/noi-dung/vi_9fde562.json');
    expect(() => searchTextPath('../admin/x')).toThrow();
  });
});

describe('excerpts', () => {
  const text = 'Sáng nay, Đảng ủy Khối tổ chức hội nghị học tập. Đồng chí Bí thư Đảng ủy Khối phát biểu.';

  it('marks the query words, typed without marks, in the real letters', () => {
    const parts = buildExcerpt(text, planSearch('dang uy')!, 8);
    expect(parts.map((p) => p.text).join('')).toContain('Đảng ủy Khối');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Đảng', 'ủy']);
  });

  it('centres on the window with the most query words', () => {
    const parts = buildExcerpt('một hai ba bốn năm sáu bảy tám chín mười hội nghị học tập chuyên đề', planSearch('chuyên đề')!, 5);
    expect(parts[0].text).toBe('… ');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['chuyên', 'đề']);
  });

  it('marks document numbers inside a word', () => {
    const original = 'Thông báo số 25-TB/ĐUK của Đảng ủy Khối.';
    const parts = buildExcerpt(original, planSearch('25 tb duk')!);
    expect(parts.map((p) => p.text).join('')).toBe(original);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['25-TB/ĐUK']);
  });

  it('matches the last query word as a prefix, as it is being typed', () => {
    const parts = buildExcerpt(text, planSearch('hoi ngh')!);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['hội', 'nghị']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildExcerpt,
  canonicalToneMarks,
  documentNumberKey,
  documentNumberKeys,
  foldVietnamese,
  parseRestoration,
  planSearch,
  restorationPairs,
  searchKey,
  holdsTokens,
  rankHits,
  syllablePairs,
  titleTokens,
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

describe('syllablePairs', () => {
  it('pairs adjacent syllables within a sentence only', () => {
    expect(syllablePairs('Học tập và làm theo. Bác Hồ')).toEqual(['hoctap', 'tapva', 'valam', 'lamtheo', 'bacho']);
    expect(syllablePairs('cán bộ, chủ trì')).toEqual(['canbo', 'chutri']);
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
  it('folds the query the way the index is folded', () => {
    expect(planSearch('Đảng ủy')).toEqual({
      plain: 'dảng ủy',
      phrase: 'danguy',
      title: 'ztdang ztuy',
      titlePhrase: 'zpdanguy',
      keys: ['dang', 'uy'],
      words: ['Đảng', 'ủy'],
      numberOnly: false,
    });
    expect(planSearch('dang uy')?.phrase).toBe('danguy');
    expect(planSearch('hoà bình')?.plain).toBe(planSearch('hòa bình')?.plain);
    expect(planSearch('Đảng'.normalize('NFD'))).toEqual(planSearch('Đảng'));
  });

  it('recognises a document number however it is typed', () => {
    expect(planSearch('25-TB/ĐUK')).toMatchObject({ number: '25tbduk', numberOnly: true });
    expect(planSearch('thông báo 25-TB/ĐUK')).toMatchObject({ number: '25tbduk', numberOnly: false });
    expect(planSearch('25 tb duk')?.number).toBe('25tbduk');
    expect(planSearch('thông báo 25-TB/ĐUK')?.number).toBe('25tbduk');
    expect(planSearch('học tập 2025')?.number).toBeUndefined();
  });

  it('has nothing to search in punctuation or emoji', () => {
    expect(planSearch('')).toBeUndefined();
    expect(planSearch('  ?!… ')).toBeUndefined();
    expect(planSearch('🇻🇳🙏')).toBeUndefined();
  });

  it('cuts a very long query', () => {
    const plan = planSearch('hội nghị '.repeat(200))!;
    expect(plan.keys).toHaveLength(20);
    expect(plan.phrase!.split(' ')).toHaveLength(19);
  });

  it('treats markup as text', () => {
    expect(planSearch('<script>alert(1)</script>')?.plain).toBe('script alert 1 script');
  });
});

describe('titleTokens', () => {
  it('gives one token per title syllable and adjacent pair, in the same keys as queries', () => {
    expect(titleTokens('Đảng ủy Khối')).toEqual(['ztdang', 'ztuy', 'ztkhoi', 'zpdanguy', 'zpuykhoi']);
    expect(planSearch('dang uy')!.title.split(' ').every((t) => titleTokens('Đảng ủy Khối').includes(t))).toBe(true);
  });
});

describe('holdsTokens', () => {
  const indexed = 'Dảng ủy Khối. zzvitokens danguy uykhoi ztdang ztuy 25tbduk.';
  it('needs every token as a word, the last one possibly typed in part', () => {
    expect(holdsTokens(indexed, 'danguy uykhoi')).toBe(true);
    expect(holdsTokens(indexed, 'ztdang ztu')).toBe(true);
    expect(holdsTokens(indexed, '25tbduk')).toBe(true);
    expect(holdsTokens(indexed, 'danguy lothi')).toBe(false);
    expect(holdsTokens(indexed, 'zt')).toBe(true);
    expect(holdsTokens(indexed, 'ztd ztuy')).toBe(false);
  });
});

describe('rankHits', () => {
  it('puts the title phrase first, then the title words, then the phrase anywhere, then Pagefind order', () => {
    const order = rankHits({ plain: ['a', 'b', 'c', 'd'], phrase: ['a', 'd'], title: ['c', 'b'], titlePhrase: ['b'] }, false);
    expect(order).toEqual(['b', 'c', 'a', 'd']);
  });

  it('lets a page whose title holds every word beat short pages that only mention the phrase', () => {
    expect(rankHits({ plain: ['short', 'article'], phrase: ['short'], title: ['article'] }, false)).toEqual(['article', 'short']);
  });

  it('puts the page with the document number first when the number is all that was typed', () => {
    expect(rankHits({ plain: ['a', 'b'], title: ['a'], number: ['b'] }, true)).toEqual(['b', 'a']);
    // With other words, the title decides among the pages that carry the number.
    expect(rankHits({ plain: ['guide', 'report'], title: ['report'], number: ['guide', 'report'] }, false)).toEqual(['report', 'guide']);
  });

  it('keeps pages only a token search found', () => {
    expect(rankHits({ plain: [], number: ['n'] }, true)).toEqual(['n']);
  });
});

describe('excerpts', () => {
  const original = 'Sáng nay, Đảng ủy Khối tổ chức hội nghị học tập. Đồng chí Bí thư Đảng ủy Khối phát biểu.';
  const restore = parseRestoration(restorationPairs(original));
  const folded = foldVietnamese(original);

  it('remembers how folded words were written', () => {
    expect(restore.get('Dảng')).toBe('Đảng');
    expect(restore.get('Dồng')).toBe('Đồng');
    expect(restore.has('hội')).toBe(false);
  });

  it('shows the real letters and marks the query words', () => {
    const parts = buildExcerpt(folded, planSearch('dang uy')!, restore, 8);
    expect(parts.map((p) => p.text).join('')).toContain('Đảng ủy Khối');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Đảng', 'ủy', 'Đảng', 'ủy'].slice(0, parts.filter((p) => p.mark).length));
    expect(parts.some((p) => p.mark)).toBe(true);
  });

  it('centres on the window with the most query words', () => {
    const text = foldVietnamese('một hai ba bốn năm sáu bảy tám chín mười hội nghị học tập chuyên đề');
    const parts = buildExcerpt(text, planSearch('chuyên đề')!, new Map(), 5);
    expect(parts[0].text).toBe('… ');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['chuyên', 'dề']);
  });

  it('restores and marks document numbers inside a word', () => {
    const original = 'Thông báo số 25-TB/ĐUK của Đảng ủy Khối.';
    const parts = buildExcerpt(foldVietnamese(original), planSearch('25 tb duk')!, parseRestoration(restorationPairs(original)));
    expect(parts.map((p) => p.text).join('')).toBe(original);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['25-TB/ĐUK']);
  });

  it('matches the last query word as a prefix, as it is being typed', () => {
    const parts = buildExcerpt(folded, planSearch('hoi ngh')!, restore);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['hội', 'nghị']);
  });
});

/**
 * A deterministic synthetic corpus in the content contract's shape (docs/content-model.md), for the
 * benchmarks: `articles` articles and (by default) a tenth as many notices of every kind, dated
 * 2015–2026 in year folders, with the site's categories, settings and two static pages. The same
 * options always give the same files, byte for byte: every choice comes from one seeded PRNG.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CORE_SCHEMA, dump } from 'js-yaml';
import sharp from 'sharp';
import { toVietnamIso, vietnamParts } from './dates.ts';
import { NOTICE_KINDS, type NoticeKind } from './schemas.ts';
import { toSlug } from './slugs.ts';
import * as vocabulary from './corpus-vocabulary.ts';

export interface CorpusOptions {
  articles: number;
  /** Default: a tenth of the articles, at least one of each kind when there are 8 or more */
  notices?: number;
  seed?: number;
}

/** A file of the corpus, at `path` below the content folder. */
export interface CorpusFile {
  path: string;
  data: string | Uint8Array;
}

/** First and last instants of the corpus: all of it is in the past for any build after 2026-10. */
const FIRST = Date.UTC(2015, 0, 2, 1, 0);
const LAST = Date.UTC(2026, 9, 31, 10, 0);
const COVER_SHARE = 0.02;
const ATTACHMENT_SHARE = 0.2;
const OLD_TONE_SHARE = 0.1;
const COVER_COUNT = 4;

/**
 * mulberry32: a small, fast 32-bit PRNG, good enough to pick words.
 * @example const next = mulberry32(1); next() // 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Choices drawn from one PRNG. */
export class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `k` distinct items, in the order drawn. */
  sample<T>(list: readonly T[], k: number): T[] {
    const pool = [...list];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
  /** An item chosen in proportion to its `weight`. */
  weighted<T extends { weight: number }>(list: readonly T[]): T {
    let r = this.next() * list.reduce((sum, item) => sum + item.weight, 0);
    for (const item of list) if ((r -= item.weight) < 0) return item;
    return list[list.length - 1];
  }
}

const OLD_TONES = vocabulary.OLD_TONE_PLACEMENT.map(([now, old]) => [new RegExp(`(?<!\\p{L})${now}(?!\\p{L})`, 'gu'), old] as const);

/**
 * Moves tone marks to the old placement in the words that have one ("hòa" → "hoà", "Ủy" → "Uỷ"),
 * as some editors and older documents write them. Both forms are NFC.
 * @example oldToneMarks('Ủy ban hòa giải') // 'Uỷ ban hoà giải'
 */
export function oldToneMarks(text: string): string {
  return OLD_TONES.reduce((out, [pattern, old]) => out.replace(pattern, old), text);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const pad = (n: number) => String(n).padStart(2, '0');

/** The instant of entry `i` of `n`: spread evenly over 2015–2026 in order, at office hours. */
function instantOf(random: Random, i: number, n: number): Date {
  const slot = (LAST - FIRST) / n;
  const day = new Date(FIRST + slot * (i + random.next() * 0.9));
  const p = vietnamParts(day);
  // 07:00–17:55 Vietnam time, in 5-minute steps
  return new Date(Date.UTC(p.year, p.month - 1, p.day, random.int(0, 10), random.int(0, 11) * 5));
}

/** Dates as editors write them: mostly with the offset, sometimes without it (meaning Vietnam time). */
function dateText(random: Random, date: Date): string {
  const iso = toVietnamIso(date);
  return random.chance(0.15) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso;
}

function frontmatter(data: Record<string, unknown>, body: string): string {
  const yaml = dump(data, { schema: CORE_SCHEMA, lineWidth: -1 });
  return `---\n${yaml}---\n\n${body}`;
}

/** A slug from a title, cut at a hyphen to at most 70 characters, made unique with `-2`, `-3`, … */
function uniqueSlug(title: string, taken: Set<string>): string {
  let base = toSlug(title);
  if (base.length > 70) base = base.slice(0, base.lastIndexOf('-', 70));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** Verbs that can follow "cần" (no "đã"). */
const ADVISORY_VERBS = vocabulary.VERBS.filter((verb) => !verb.startsWith('đã'));

/** A sentence of an article about `topic` (or, half the time, a related one), in the bloc's reporting style. */
function sentence(random: Random, year: number, mainTopic: string): string {
  const v = vocabulary;
  const subject = () => random.pick([...v.BODIES, ...v.ORGANISATIONS, ...v.GROUPS]);
  const topic = random.chance(0.5) ? mainTopic : random.pick(v.TOPICS);
  const action = `${random.pick(v.VERBS)} ${topic}, ${random.pick(v.COMPLEMENTS)}`;
  const day = `${random.int(1, 28)}/${random.int(1, 12)}`;
  switch (random.int(0, 9)) {
    case 0:
      return `${random.pick([`Sáng ${day}`, `Chiều ${day}/${year}`, `Ngày ${day}`])}, ${subject()} ${action}.`;
    case 1:
      return `${capitalise(subject())} ${action}.`;
    case 2:
      return `Qua đó, ${random.pick(v.RESULTS)}.`;
    case 3:
      return `Phát biểu tại hội nghị, đồng chí ${random.pick(v.PEOPLE)}, ${random.pick(v.ROLES)}, nhấn mạnh: “${capitalise(random.pick(v.GROUPS))} cần ${random.pick(ADVISORY_VERBS)} ${topic}, ${random.pick(v.COMPLEMENTS)}”.`;
    case 4:
      return `Trong năm ${year}, toàn Đảng bộ đã kết nạp ${random.int(40, 260)} đảng viên mới, đạt ${random.int(90, 130)}% kế hoạch; ${random.int(80, 99)}% tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên.`;
    case 5:
      return `Có ${random.int(3, 40)} tập thể và ${random.int(5, 90)} cá nhân được ${random.pick(v.BODIES)} khen thưởng vì có thành tích tiêu biểu trong ${topic}.`;
    case 6:
      return `Thực hiện ${random.pick(v.DOCUMENTS)}, ${subject()} ${random.pick(v.VERBS)} ${topic}.`;
    case 7:
      return `${random.pick(['Thời gian qua', 'Từ đầu nhiệm kỳ đến nay', 'Những năm gần đây', `Trong 6 tháng đầu năm ${year}`])}, ${subject()} ${action}; ${random.pick(v.RESULTS)}.`;
    case 8:
      return `Bên cạnh kết quả đạt được, ${topic} ở một số nơi vẫn còn hạn chế, chưa ${random.pick(['đồng đều', 'thường xuyên', 'đi vào chiều sâu'])}.`;
    default:
      return `${capitalise(random.pick(v.GROUPS))} ${action}, ${random.pick(['từ những việc làm cụ thể, thiết thực', 'bằng hành động cụ thể hằng ngày', 'trên tinh thần “nói đi đôi với làm”'])}.`;
  }
}

function paragraph(random: Random, year: number, topic: string): string {
  return Array.from({ length: random.int(2, 5) }, () => sentence(random, year, topic)).join(' ');
}

/** The body of an article: paragraphs, sometimes `##` headings, a list, a quotation, bold text, a link. */
function articleBody(random: Random, year: number, topic: string, earlier?: { title: string; slug: string }): string {
  const v = vocabulary;
  const blocks: string[] = [paragraph(random, year, topic)];
  const headings = random.chance(0.35) ? random.sample(v.HEADINGS, random.int(2, 4)) : [];
  const sections = Math.max(headings.length, 1);
  for (let s = 0; s < sections; s++) {
    if (headings[s]) blocks.push(`## ${headings[s]}`);
    for (let p = random.int(1, 3); p > 0; p--) blocks.push(paragraph(random, year, topic));
    if (random.chance(0.15)) {
      const items = Array.from({ length: random.int(3, 5) }, () => `${random.pick(ADVISORY_VERBS)} ${random.pick(v.TOPICS)}`);
      blocks.push(items.map((item, i) => `${i + 1}. ${capitalise(item)}${i === items.length - 1 ? '.' : ';'}`).join('\n'));
    }
    if (random.chance(0.1)) blocks.push(`> “${random.pick(v.QUOTES)}” – Chủ tịch Hồ Chí Minh`);
  }
  if (random.chance(0.2)) blocks.push(`Các cấp ủy cần tiếp tục thực hiện nghiêm **${random.pick(v.DOCUMENTS)}**, ${random.pick(v.COMPLEMENTS)}.`);
  if (earlier && random.chance(0.05)) blocks.push(`Xem thêm: [${earlier.title}](/bai-viet/${earlier.slug}/).`);
  return `${blocks.join('\n\n')}\n`;
}

function articleTitle(random: Random, year: number, category: string): string {
  const v = vocabulary;
  const org = random.pick(v.ORGANISATIONS);
  const body = random.pick(v.BODIES);
  const titles: Record<string, string[]> = {
    'hoc-tap-va-lam-theo-bac': [
      `Học tập và làm theo Bác: ${random.pick(v.STORIES)}`,
      `${org} học tập chuyên đề năm ${year}`,
      `Trao giải cuộc thi “${random.pick(v.CONTESTS)}” năm ${year}`,
      `Kỷ niệm ${year - 1890} năm Ngày sinh Chủ tịch Hồ Chí Minh`,
    ],
    'xay-dung-dang': [
      `Nâng cao chất lượng sinh hoạt chi bộ ở ${org}`,
      `Kết nạp đảng viên mới nhân kỷ niệm ${year - 1930} năm Ngày thành lập Đảng`,
      `${body} sơ kết ${random.pick(['6 tháng', '3 năm', '5 năm'])} thực hiện ${random.pick(v.DOCUMENTS).split(' về ')[0]}`,
      `Kiểm tra, giám sát tại ${org} năm ${year}`,
    ],
    'tin-hoat-dong': [
      `${body} tổ chức hội nghị ${random.pick(['giao ban', 'sơ kết', 'tổng kết', 'chuyên đề'])} năm ${year}`,
      `${org} tổ chức ${random.pick(['hội thi', 'tọa đàm', 'diễn đàn', 'hội nghị'])} về ${random.pick(v.TOPICS)}`,
      `Tổng kết công tác xây dựng Đảng năm ${year}, triển khai nhiệm vụ năm ${year + 1}`,
    ],
    'guong-dien-hinh': [
      `Đồng chí ${random.pick(v.PEOPLE)}: ${random.pick(v.STORIES)}`,
      `Gương sáng học tập và làm theo Bác ở ${org}`,
      `Người tốt, việc tốt ở ${org}`,
    ],
    'van-ban-chi-dao': [`Quán triệt ${random.pick(v.DOCUMENTS)}`, `Hướng dẫn thực hiện ${random.pick(v.DOCUMENTS).split(' về ')[0]} năm ${year}`],
  };
  return random.pick(titles[category]);
}

/** Document-number abbreviations by notice kind (`khac` has no number). */
const NUMBER_TYPE: Partial<Record<NoticeKind, string>> = {
  'giay-moi': 'GM',
  'thong-bao': 'TB',
  'chuong-trinh': 'CTr',
  'ke-hoach': 'KH',
  'cong-van': 'CV',
  'quyet-dinh': 'QĐ',
  'bao-cao': 'BC',
};

function noticeTitle(random: Random, kind: NoticeKind, date: Date): string {
  const v = vocabulary;
  const { year, month } = vietnamParts(date);
  switch (kind) {
    case 'giay-moi':
      return `Giấy mời dự ${random.pick(v.MEETINGS)} năm ${year}`;
    case 'thong-bao':
      return `Thông báo ${random.pick([`kết luận của Ban Thường vụ Đảng ủy Khối tại buổi làm việc với ${random.pick(v.ORGANISATIONS)}`, `lịch tiếp công dân tháng ${month} năm ${year}`, `thời hạn nộp báo cáo kiểm điểm năm ${year}`, `kết quả thẩm định hồ sơ kết nạp đảng viên đợt ${random.int(1, 4)} năm ${year}`])}`;
    case 'chuong-trinh':
      return random.pick([`Chương trình công tác tháng ${month} năm ${year} của Ban Thường vụ Đảng ủy Khối`, `Chương trình kiểm tra, giám sát năm ${year} của Ủy ban Kiểm tra Đảng ủy Khối`]);
    case 'ke-hoach':
      return `Kế hoạch ${random.pick([`tổ chức Hội thi báo cáo viên giỏi năm ${year}`, `học tập chuyên đề năm ${year}`, `kỷ niệm ${year - 1890} năm Ngày sinh Chủ tịch Hồ Chí Minh`, `đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm ${year}`])}`;
    case 'cong-van':
      return `Công văn về việc ${random.pick(['cập nhật dữ liệu đảng viên', `thu, nộp đảng phí năm ${year}`, 'tăng cường công tác bảo vệ nền tảng tư tưởng của Đảng', 'chuẩn bị đại hội chi bộ trực thuộc'])}`;
    case 'quyet-dinh':
      return `Quyết định ${random.pick([`khen thưởng tập thể, cá nhân tiêu biểu trong học tập và làm theo Bác năm ${year}`, `thành lập Đoàn kiểm tra việc thực hiện ${random.pick(v.DOCUMENTS).split(' về ')[0]}`, `tặng Huy hiệu Đảng đợt ${pad(month)}/${year}`])}`;
    case 'bao-cao':
      return `Báo cáo ${random.pick([`sơ kết công tác xây dựng Đảng 6 tháng đầu năm ${year}`, `kết quả thực hiện ${random.pick(v.DOCUMENTS).split(' về ')[0]} năm ${year}`, `tổng kết công tác kiểm tra, giám sát năm ${year}`])}`;
    default:
      return `Lịch công tác tuần ${Math.min(52, Math.max(1, Math.ceil((date.getTime() - Date.UTC(year, 0, 1)) / 604_800_000)))} năm ${year} của Thường trực Đảng ủy Khối`;
  }
}

function noticeBody(random: Random, kind: NoticeKind, year: number): string {
  const v = vocabulary;
  if (kind === 'khac') {
    const days = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu'];
    return `${days.map((d) => `- **${d}:** ${capitalise(random.pick(v.BODIES))} ${random.pick(['làm việc với', 'dự hội nghị tại', 'kiểm tra tại'])} ${random.pick(v.ORGANISATIONS)}.`).join('\n')}\n`;
  }
  if (random.chance(0.15)) return '';
  const paragraphs = [
    kind === 'giay-moi'
      ? `Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh trân trọng kính mời các đồng chí bí thư các đảng bộ, chi bộ cơ sở trực thuộc đến dự. Đề nghị các đồng chí dự đầy đủ, đúng thành phần; trường hợp vắng mặt phải báo cáo và cử cấp ủy viên dự thay.`
      : paragraph(random, year, random.pick(v.TOPICS)),
  ];
  if (random.chance(0.5)) paragraphs.push(`Các tổ chức cơ sở đảng gửi báo cáo về Văn phòng Đảng ủy Khối trước ngày ${random.int(1, 28)}/${random.int(1, 12)}/${year} để tổng hợp.`);
  return `${paragraphs.join('\n\n')}\n`;
}

/** Small landscape JPEGs, a gradient with a few shapes each, shared (with a comment each) by the entries with a cover. */
async function coverImages(random: Random): Promise<Uint8Array[]> {
  const width = 640;
  const height = 400;
  const images: Uint8Array[] = [];
  for (let k = 0; k < COVER_COUNT; k++) {
    const pixels = Buffer.alloc(width * height * 3);
    const [r, g, b] = [random.int(120, 230), random.int(20, 120), random.int(20, 90)];
    const boxes = Array.from({ length: 6 }, () => ({ x: random.int(0, width - 80), y: random.int(0, height - 80), w: random.int(30, 160), h: random.int(30, 120), shade: random.int(180, 255) }));
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const box = boxes.find((q) => x >= q.x && x < q.x + q.w && y >= q.y && y < q.y + q.h);
        const o = (y * width + x) * 3;
        const fade = 1 - y / (height * 1.6);
        pixels[o] = box ? box.shade : Math.round(r * fade);
        pixels[o + 1] = box ? Math.round(box.shade * 0.8) : Math.round(g * fade + (x % 40 < 2 ? 20 : 0));
        pixels[o + 2] = box ? 40 : Math.round(b * fade);
      }
    }
    images.push(new Uint8Array(await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer()));
  }
  return images;
}

/**
 * The same JPEG with a comment segment (COM) right after its start marker: the picture is unchanged,
 * but every cover becomes a file of its own, as real covers are (Astro optimises identical files once).
 */
export function withJpegComment(jpeg: Uint8Array, comment: string): Uint8Array {
  const text = new TextEncoder().encode(comment);
  const out = new Uint8Array(jpeg.length + 4 + text.length);
  out.set(jpeg.subarray(0, 2));
  out.set([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff], 2);
  out.set(text, 6);
  out.set(jpeg.subarray(2), 6 + text.length);
  return out;
}

/** A one-page PDF with a line of text, the attachment of some notices. */
function smallPdf(): Uint8Array {
  const stream = 'BT /F1 14 Tf 72 760 Td (Dang uy Khoi cac co quan tinh - van ban dinh kem) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

const STATIC_PAGES: CorpusFile[] = [
  {
    path: 'pages/gioi-thieu.mdx',
    data: frontmatter(
      { title: 'Giới thiệu Đảng bộ Khối các cơ quan tỉnh', summary: 'Quá trình hình thành, phát triển, chức năng, nhiệm vụ của Đảng bộ Khối các cơ quan tỉnh.' },
      'Đảng bộ Khối các cơ quan tỉnh là tổ chức đảng cấp trên trực tiếp của các tổ chức cơ sở đảng trong các cơ quan đảng, cơ quan nhà nước, Mặt trận Tổ quốc và các tổ chức chính trị – xã hội cấp tỉnh.\n\n## Chức năng\n\nLãnh đạo các tổ chức cơ sở đảng trực thuộc thực hiện đúng đắn, có hiệu quả đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước.\n',
    ),
  },
  {
    path: 'pages/lien-he.mdx',
    data: frontmatter({ title: 'Liên hệ' }, 'Văn phòng Đảng ủy Khối các cơ quan tỉnh, Tầng 4, Khu Liên cơ quan số 2, đường Trần Hưng Đạo. Điện thoại: 0200 3 826 415.\n'),
  },
];

/**
 * Every file of a corpus of `articles` articles and `notices` notices (see the module comment).
 * Article slugs come from their titles; an entry with a cover or an attachment is a folder
 * (`<slug>/index.mdx`) with the file beside it.
 */
export async function generateCorpus({ articles, notices = Math.floor(articles / 10), seed = 1 }: CorpusOptions): Promise<CorpusFile[]> {
  const random = new Random(seed);
  const v = vocabulary;
  const covers = await coverImages(random);
  const pdf = smallPdf();
  const files: CorpusFile[] = [
    ...v.CATEGORIES.map(({ slug, name, description, order }) => ({ path: `categories/${slug}.yaml`, data: dump({ name, description, order }, { schema: CORE_SCHEMA, lineWidth: -1 }) })),
    { path: 'settings/site.yaml', data: v.SETTINGS_YAML },
    ...STATIC_PAGES,
  ];

  const slugs = new Set<string>();
  let earlier: { title: string; slug: string } | undefined;
  for (let i = 0; i < articles; i++) {
    const date = instantOf(random, i, articles);
    const year = vietnamParts(date).year;
    const category = random.weighted(v.CATEGORIES).slug;
    const oldStyle = random.chance(OLD_TONE_SHARE);
    const style = (text: string) => (oldStyle ? oldToneMarks(text) : text);
    const title = style(articleTitle(random, year, category));
    const slug = uniqueSlug(title, slugs);
    const topic = random.pick(v.TOPICS);
    const data: Record<string, unknown> = {
      title,
      summary: style(sentence(random, year, topic)),
      date: dateText(random, date),
    };
    if (random.chance(0.05)) data.updated = toVietnamIso(new Date(date.getTime() + random.int(1, 72) * 3_600_000));
    data.category = category;
    const tags = random.sample(v.TAGS, random.int(0, 4)).map(style);
    if (tags.length > 0) data.tags = tags;
    if (random.chance(0.8)) data.author = random.pick(v.AUTHORS);
    if (random.chance(0.4)) data.source = random.pick(v.SOURCES);
    const cover = random.chance(COVER_SHARE) ? random.int(0, COVER_COUNT - 1) : -1;
    if (cover >= 0) data.cover = { src: 'anh-bia.jpg', alt: random.pick(v.COVER_ALTS), ...(random.chance(0.5) ? { caption: style(title) } : {}) };
    if (random.chance(0.005)) data.featured = true;
    const text = frontmatter(data, style(articleBody(random, year, topic, earlier)));
    if (cover >= 0) {
      files.push({ path: `articles/${year}/${slug}/index.mdx`, data: text }, { path: `articles/${year}/${slug}/anh-bia.jpg`, data: withJpegComment(covers[cover], slug) });
    } else files.push({ path: `articles/${year}/${slug}.mdx`, data: text });
    earlier = { title, slug };
  }

  const kinds = Object.keys(NOTICE_KINDS) as NoticeKind[];
  const numbers = new Map<string, number>();
  for (let i = 0; i < notices; i++) {
    const date = instantOf(random, i, notices);
    const year = vietnamParts(date).year;
    // Every kind first, then mostly invitations and notices, as on the real site.
    const kind = i < kinds.length ? kinds[i] : random.weighted(kinds.map((k) => ({ kind: k, weight: k === 'giay-moi' || k === 'thong-bao' ? 3 : 1 }))).kind;
    const title = noticeTitle(random, kind, date);
    const slug = uniqueSlug(title, slugs);
    const data: Record<string, unknown> = { title, kind };
    const type = NUMBER_TYPE[kind];
    if (type) {
      const n = (numbers.get(`${year}${type}`) ?? 0) + 1;
      numbers.set(`${year}${type}`, n);
      data.number = kind === 'giay-moi' && random.chance(0.3) ? `${pad(n)}/GM-ĐUK` : `${n}-${type}/ĐUK`;
    }
    data.date = dateText(random, date);
    if (kind === 'giay-moi') {
      const start = new Date(date.getTime() + random.int(3, 20) * 86_400_000);
      start.setUTCHours(random.pick([1, 7]), 0, 0, 0);
      data.event = {
        start: toVietnamIso(start),
        ...(random.chance(0.5) ? { end: toVietnamIso(new Date(start.getTime() + 3.5 * 3_600_000)) } : {}),
        location: random.pick(v.LOCATIONS),
      };
      if (random.chance(0.3)) data.expires = toVietnamIso(new Date(start.getTime() + 86_400_000));
    }
    const attached = random.chance(ATTACHMENT_SHARE);
    if (attached) data.attachments = [{ file: 'van-ban.pdf', title: `${NOTICE_KINDS[kind]} (bản PDF)` }];
    if (random.chance(0.005)) data.pinned = true;
    const text = frontmatter(data, noticeBody(random, kind, year));
    if (attached) {
      files.push({ path: `notices/${year}/${slug}/index.mdx`, data: text }, { path: `notices/${year}/${slug}/van-ban.pdf`, data: pdf });
    } else files.push({ path: `notices/${year}/${slug}.mdx`, data: text });
  }
  return files;
}

/** Writes a corpus below `dir` (which should be empty or missing). */
export async function writeCorpus(dir: string, files: readonly CorpusFile[]): Promise<void> {
  const folders = new Set(files.map((f) => dirname(join(dir, f.path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (const file of files) await writeFile(join(dir, file.path), file.data);
}

/** A SHA-256 over every path and its content, in path order: equal corpora have equal hashes. */
export function corpusHash(files: readonly CorpusFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(`${file.path}\0`).update(file.data).update('\0');
  return hash.digest('hex');
}

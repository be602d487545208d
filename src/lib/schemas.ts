/**
 * The content contract in code (see docs/content-model.md). The schemas are built by functions so that
 * tests can use them without Astro's image pipeline; `src/content.config.ts` passes Astro's helpers in.
 */
import { z } from 'astro/zod';
import { parseVietnamDate } from './dates.ts';
import { isSafeUrl } from './safe-url.ts';
import { toSlug } from './slugs.ts';

export const NOTICE_KINDS = {
  'giay-moi': 'Giấy mời',
  'thong-bao': 'Thông báo',
  'chuong-trinh': 'Chương trình công tác',
  'ke-hoach': 'Kế hoạch',
  'cong-van': 'Công văn',
  'quyet-dinh': 'Quyết định',
  'bao-cao': 'Báo cáo',
  khac: 'Khác',
} as const;
export type NoticeKind = keyof typeof NOTICE_KINDS;

export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods'] as const;

/** Recorded audio an article may carry; MP3 plays everywhere, including older phones. */
export const AUDIO_EXTENSIONS = ['mp3', 'm4a', 'ogg', 'opus', 'wav'] as const;

/** `25-TB/ĐUK`, `05/GM-ĐUK`, `112-KH/ĐUK`: digits first, then letters, digits, `-`, `/`, `.`. */
export const DOCUMENT_NUMBER = /^\d+[-/][\p{L}\d]+(?:[-/.][\p{L}\d]+)*$/u;

const requiredText = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `thiếu ${what}` : `${what} phải là chữ`) })
    .trim()
    .min(1, `${what} không được để trống`);

const optionalText = (what: string) => z.string({ error: `${what} phải là chữ` }).trim().optional();

const flag = (what: string) => z.boolean({ error: `${what} chỉ nhận true hoặc false` }).default(false);

/** A date field: ISO 8601, read in Asia/Ho_Chi_Minh when it has no offset. */
export const vietnamDate = (what: string) =>
  z.union([z.string(), z.date()], { error: `thiếu ${what}` }).transform((value, ctx) => {
    const date = parseVietnamDate(value);
    if (!date) {
      ctx.addIssue({
        code: 'custom',
        message: `${what} "${String(value)}" không phải ngày giờ hợp lệ; cần dạng 2025-03-12T09:30:00+07:00 hoặc 2025-03-12`,
      });
      return z.NEVER;
    }
    return date;
  });

const tag = z
  .string({ error: 'mỗi từ khóa phải là chữ' })
  .trim()
  .min(1, 'từ khóa không được để trống')
  .refine((value) => toSlug(value) !== '', 'từ khóa phải có ít nhất một chữ cái hoặc chữ số');

/** Decap writes `anh.jpg` for an image beside the entry; Astro resolves relative paths only with `./`. */
export function asRelativePath(value: unknown): unknown {
  return typeof value === 'string' && !/^(?:\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(value) ? `./${value}` : value;
}

/**
 * A file that lies beside its entry (`ban-tin.mp3`, `./ban-tin.mp3`), of one of `extensions`: never a
 * path that leaves the entry's folder, since the build copies the file into the site.
 */
const fileBesideEntry = (what: string, extensions: readonly string[]) =>
  requiredText(what).refine(
    (file) => extensions.some((ext) => file.toLowerCase().endsWith(`.${ext}`)) && !/^[\\/]|^[a-z]:|(^|[\\/])\.\.([\\/]|$)/i.test(file),
    `${what} phải là tệp ${extensions.join(', ')} nằm cạnh bài`,
  );

/**
 * @param image Astro's `image()` from the schema context (tests pass a plain string schema).
 * @param category the schema of the category field: Astro's `reference('categories')` in the site.
 */
export function articleSchema<I extends z.ZodType, C extends z.ZodType = z.ZodString>(
  image: () => I,
  category: C = requiredText('chuyên mục (category)') as unknown as C,
) {
  return z
    .object({
      title: requiredText('tiêu đề (title)'),
      summary: requiredText('tóm tắt (summary)'),
      date: vietnamDate('ngày đăng (date)'),
      updated: vietnamDate('ngày cập nhật (updated)').optional(),
      category,
      tags: z.array(tag, { error: 'từ khóa (tags) phải là một danh sách' }).default([]),
      author: optionalText('tác giả (author)'),
      source: optionalText('nguồn (source)'),
      cover: z
        .object(
          {
            src: z.preprocess(asRelativePath, image()),
            alt: requiredText('mô tả ảnh (cover.alt)'),
            caption: optionalText('chú thích ảnh (cover.caption)'),
          },
          { error: 'ảnh đại diện (cover) cần src và alt' },
        )
        .optional(),
      audio: fileBesideEntry('tệp âm thanh (audio)', AUDIO_EXTENSIONS).optional(),
      featured: flag('nổi bật (featured)'),
      draft: flag('bản nháp (draft)'),
    })
    .superRefine((data, ctx) => {
      if (data.updated && data.updated < data.date) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: 'ngày cập nhật (updated) không được trước ngày đăng (date)' });
      }
    });
}

const attachment = z.object(
  {
    file: fileBesideEntry('tệp đính kèm (attachments.file)', ATTACHMENT_EXTENSIONS),
    title: requiredText('tên hiển thị của tệp (attachments.title)'),
  },
  { error: 'mỗi tệp đính kèm cần file và title' },
);

export const noticeSchema = z
  .object({
    title: requiredText('tiêu đề (title)'),
    kind: z.enum(Object.keys(NOTICE_KINDS) as [NoticeKind, ...NoticeKind[]], {
      error: `loại thông báo (kind) phải là một trong: ${Object.keys(NOTICE_KINDS).join(', ')}`,
    }),
    number: z
      .string({ error: 'số, ký hiệu (number) phải là chữ' })
      .trim()
      .regex(DOCUMENT_NUMBER, 'số, ký hiệu (number) cần dạng như 25-TB/ĐUK hoặc 05/GM-ĐUK')
      .optional(),
    date: vietnamDate('ngày ban hành (date)'),
    event: z
      .object(
        {
          start: vietnamDate('thời gian bắt đầu (event.start)').optional(),
          end: vietnamDate('thời gian kết thúc (event.end)').optional(),
          location: optionalText('địa điểm (event.location)'),
        },
        { error: 'sự kiện (event) cần start, end, location' },
      )
      .optional(),
    attachments: z.array(attachment, { error: 'tệp đính kèm (attachments) phải là một danh sách' }).default([]),
    expires: vietnamDate('ngày hết hiệu lực (expires)').optional(),
    pinned: flag('ghim (pinned)'),
    draft: flag('bản nháp (draft)'),
  })
  .superRefine((data, ctx) => {
    if (data.kind === 'giay-moi') {
      if (!data.event?.start) ctx.addIssue({ code: 'custom', path: ['event', 'start'], message: 'giấy mời cần thời gian bắt đầu (event.start)' });
      if (!data.event?.location) ctx.addIssue({ code: 'custom', path: ['event', 'location'], message: 'giấy mời cần địa điểm (event.location)' });
    }
    if (data.event?.start && data.event.end && data.event.end < data.event.start) {
      ctx.addIssue({ code: 'custom', path: ['event', 'end'], message: 'thời gian kết thúc (event.end) không được trước thời gian bắt đầu (event.start)' });
    }
  });

export const categorySchema = z.object({
  name: requiredText('tên chuyên mục (name)'),
  description: optionalText('mô tả (description)'),
  order: z.number({ error: 'thứ tự (order) phải là số' }).int().default(100),
});

export const pageSchema = z.object({
  title: requiredText('tiêu đề (title)'),
  summary: optionalText('tóm tắt (summary)'),
  draft: flag('bản nháp (draft)'),
});

const link = z.object({
  label: requiredText('nhãn liên kết (label)'),
  href: requiredText('địa chỉ liên kết (href)').refine(isSafeUrl, 'địa chỉ liên kết (href) chỉ được là đường dẫn trong trang, http(s), mailto hoặc tel'),
});

export const settingsSchema = z.object({
  siteName: requiredText('tên trang (siteName)'),
  organization: requiredText('tên cơ quan (organization)'),
  tagline: optionalText('khẩu hiệu (tagline)'),
  address: optionalText('địa chỉ (address)'),
  phone: optionalText('điện thoại (phone)'),
  email: optionalText('thư điện tử (email)'),
  menu: z.array(link).default([]),
  footerLinks: z.array(link).default([]),
  zaloAppId: optionalText('Zalo app ID (zaloAppId)'),
});

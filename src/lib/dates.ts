/**
 * Dates in the content are read and shown in Asia/Ho_Chi_Minh, whatever the time zone of the machine.
 *
 * Viet Nam has kept UTC+7 without daylight saving since 1975, so the zone is a fixed offset: adding
 * seven hours and reading the UTC fields is exact, and far cheaper per page than `Intl` formatters.
 */

const VN_OFFSET_MINUTES = 7 * 60;
const VN_OFFSET_MS = VN_OFFSET_MINUTES * 60_000;

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses an ISO 8601 date or date-time. A value without an offset is a time in Asia/Ho_Chi_Minh;
 * a date alone is 00:00 that day. Returns `undefined` for anything that is not a real date.
 * @example parseVietnamDate('2020-10-16T03:41') // 2020-10-15T20:41:00.000Z
 */
export function parseVietnamDate(value: string | Date): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  const match = ISO_LIKE.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zone === undefined ? VN_OFFSET_MINUTES : parseOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  const ms = Math.round(Number(`0.${fraction}`) * 1000);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000);
}

function parseOffsetMinutes(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface VietnamDateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
}

/** The calendar fields of an instant as read on a clock in Asia/Ho_Chi_Minh. */
export function vietnamParts(date: Date): VietnamDateParts {
  const shifted = new Date(date.getTime() + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "Thứ Sáu", "Chủ nhật" */
export function weekdayName(date: Date): string {
  return WEEKDAYS[vietnamParts(date).weekday];
}

/** "16/10/2020" */
export function formatDate(date: Date): string {
  const p = vietnamParts(date);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "03:41" */
export function formatTime(date: Date): string {
  const p = vietnamParts(date);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "Thứ Sáu, 16/10/2020 · 03:41", the dateline of an article. */
export function formatDateline(date: Date): string {
  return `${weekdayName(date)}, ${formatDate(date)} · ${formatTime(date)}`;
}

/** "03:41, Thứ Sáu, 16/10/2020", the way an invitation states when a meeting starts. */
export function formatEventTime(date: Date): string {
  return `${formatTime(date)}, ${weekdayName(date)}, ${formatDate(date)}`;
}

/** "2020-10-16T03:41:00+07:00", for `<time datetime>`, feeds and JSON-LD. */
export function toVietnamIso(date: Date): string {
  const p = vietnamParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`;
}

/** The year of an instant in Asia/Ho_Chi_Minh (an article at 00:30 on 1 January belongs to the new year). */
export function vietnamYear(date: Date): number {
  return vietnamParts(date).year;
}

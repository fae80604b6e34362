import { ZONE_ABBREVIATIONS, isValidDate, isValidTimeZone } from '../../time/zones';

/** A date read from free text; `ambiguous` when `03/04/2026` could be March 4 or April 3. */
export interface LooseDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly ambiguous?: boolean;
}

export interface LooseStamp {
  /** Span of the stamp in the text, wrappers (`**`, `_`) included. */
  readonly start: number;
  readonly end: number;
  readonly date?: LooseDate;
  readonly hour?: number;
  readonly minute?: number;
  readonly zone?: string;
  /** The stamp as written, for messages. */
  readonly raw: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ZONE = '(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|(?:UTC|GMT)[+-]\\d{1,2}(?::?\\d{2})?|[A-Z]{2,5}T)';

const DATE_RES: { re: RegExp; read: (m: RegExpExecArray, year?: number) => LooseDate | undefined }[] = [
  { re: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/, read: (m) => ({ year: +m[1], month: +m[2], day: +m[3] }) },
  {
    // 03/04/2026: month first (US) unless the first number cannot be a month.
    re: /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})/,
    read: (m) => {
      const a = +m[1];
      const b = +m[2];
      if (a > 12) return { year: +m[3], month: b, day: a };
      return { year: +m[3], month: a, day: b, ambiguous: b <= 12 && a !== b };
    },
  },
  { re: new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i'), read: (m) => ({ year: +m[3], month: MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, day: +m[2] }) },
  { re: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})`, 'i'), read: (m) => ({ year: +m[3], month: MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1, day: +m[1] }) },
  // Without a year ("19. April", "April 19"): only when the year is known from the context.
  { re: new RegExp(`^(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+${MONTH}(?![a-z])`, 'i'), read: (m, year) => (year ? { year, month: MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1, day: +m[1] } : undefined) },
  { re: new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])`, 'i'), read: (m, year) => (year ? { year, month: MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, day: +m[2] } : undefined) },
];

const TIME_RE = new RegExp(`^(\\d{1,2})[:h](\\d{2})(?::(\\d{2}))?\\s*(?:([AaPp])\\.?[Mm]\\.?)?(?:\\s*\\(?${ZONE}\\)?)?(?![A-Za-z0-9]|:\\d)`);
const TIME_12_RE = /^(\d{1,2})\s*([AaPp])\.?[Mm]\.?(?![A-Za-z0-9])/;

function readDate(text: string, year?: number): { date: LooseDate; length: number } | undefined {
  for (const { re, read } of DATE_RES) {
    const m = re.exec(text);
    if (!m) continue;
    const date = read(m, year);
    if (date && isValidDate(date.year, date.month, date.day)) return { date, length: m[0].length };
  }
  return undefined;
}

/** The zone as written, if it is one we can convert: `Z`, `UTC+2`, `+02:00`, `PST`, `CEST`. */
export function knownZone(zone: string): boolean {
  return /^(Z|[+-]\d{2}:?\d{2}|(UTC|GMT)([+-]\d{1,2}(:?\d{2})?)?)$/i.test(zone) || zone.toUpperCase() in ZONE_ABBREVIATIONS || isValidTimeZone(zone);
}

/** Normalises `UTC+2` / `GMT-05:30` to `+02:00` / `-05:30`; other zones unchanged. */
export function normaliseZone(zone: string): string {
  const m = /^(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  return m ? `${m[1]}${m[2].padStart(2, '0')}:${m[3] ?? '00'}` : zone;
}

/**
 * Reads a date and/or time at the start of `text` (after list bullets are removed): `2026-11-20
 * 14:09 UTC`, `**16:58 UTC** -`, `_12:02_`, `11:40am`, `Feb 27, 2018 9:16 PM PDT`, `03/04/2026`.
 */
export function readLeadingStamp(text: string, contextYear?: number): LooseStamp | undefined {
  const wrap = /^(\*\*|__|\*|_|`)?/.exec(text)![0];
  let at = wrap.length;
  const d = readDate(text.slice(at), contextYear);
  const date = d?.date;
  if (d) at += d.length;
  const sep = d ? /^(?:,?\s+(?:at\s+)?|T)/.exec(text.slice(at)) : null;
  const t = TIME_RE.exec(text.slice(at + (sep?.[0].length ?? 0))) ?? TIME_12_RE.exec(text.slice(at + (sep?.[0].length ?? 0)));
  const dateOnly = (): LooseStamp | undefined => (date ? finish(text, wrap, at, { date }) : undefined);
  if (!t) return dateOnly();
  const twelve = t.length === 3;
  let hour = +t[1];
  const minute = twelve ? 0 : +t[2];
  const meridiem = (twelve ? t[2] : t[4])?.toLowerCase();
  let matched = t[0];
  const written = twelve ? undefined : t[5];
  let zone: string | undefined;
  if (written && knownZone(written)) zone = written;
  else if (written) matched = matched.slice(0, matched.lastIndexOf(written)).replace(/[\s(]+$/, '');
  // "17:14pm" is a 24-hour time with a stray suffix: keep the hour.
  if (meridiem && hour >= 1 && hour <= 12) hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  else if (meridiem && hour === 0) return dateOnly();
  if (hour > 23 || minute > 59) return dateOnly();
  at += (sep?.[0].length ?? 0) + matched.trimEnd().length;
  return finish(text, wrap, at, { date, hour, minute, zone: zone ? normaliseZone(zone) : undefined });
}

function finish(text: string, wrap: string, at: number, parts: Omit<LooseStamp, 'start' | 'end' | 'raw'>): LooseStamp {
  let end = at;
  // Closing wrapper (`**16:58 UTC**`), possibly after a space.
  if (wrap) {
    const close = text.indexOf(wrap, end);
    if (close !== -1 && text.slice(end, close).trim() === '') end = close + wrap.length;
  }
  return { start: 0, end, ...parts, raw: text.slice(0, end) };
}

/** A date anywhere in a line (a heading "### 2018/02/26", a title "… on June 13, 2025"). */
export function findDate(text: string, contextYear?: number): LooseDate | undefined {
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[A-Za-z0-9]/.test(text[i - 1])) continue;
    if (!/[\dA-Za-z]/.test(text[i])) continue;
    const d = readDate(text.slice(i), contextYear);
    if (d) return d.date;
  }
  return undefined;
}

const ZONE_STATEMENT = /\b(?:all\s+)?times?\s+(?:are\s+)?(?:(?:shown|given|listed)\s+)?(?:in\s+)?(?:the\s+)?([A-Z]{2,5}T?|UTC[+-]\d{1,2}|[A-Za-z]+\/[A-Za-z_]+)\b/i;
const ZONE_STATEMENT_ALT = /\(([A-Z]{2,4}T|UTC|GMT)\)\s*$/;

/** "All times PST", "(all times in UTC)", "Times are in Europe/Berlin", "Timeline (PDT)". */
export function statedZone(text: string): string | undefined {
  const m = ZONE_STATEMENT.exec(text) ?? ZONE_STATEMENT_ALT.exec(text);
  const zone = m?.[1];
  return zone && knownZone(zone) ? normaliseZone(zone) : undefined;
}

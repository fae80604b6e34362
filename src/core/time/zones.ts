/**
 * Time-zone arithmetic without Node: `Intl.DateTimeFormat` exists in Node, browsers and web workers.
 * Post-mortem times are stored in UTC; local times are converted with the document's IANA zone.
 */

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Common abbreviations seen in real post-mortems ("All times PST"), as fixed offsets in minutes. */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, UT: 0,
  PST: -480, PDT: -420, MST: -420, MDT: -360, CST: -360, CDT: -300, EST: -300, EDT: -240,
  AKST: -540, AKDT: -480, HST: -600,
  BST: 60, IST: 330, CET: 60, CEST: 120, EET: 120, EEST: 180, WET: 0, WEST: 60,
  MSK: 180, JST: 540, KST: 540, SGT: 480, HKT: 480, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  let f = formatterCache.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
    } catch {
      return undefined;
    }
    formatterCache.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== undefined;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in minutes (east positive). */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number | undefined {
  // The common case costs nothing: formatToParts is the slowest call in a timeline parse.
  if (/^(?:UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(timeZone)) return 0;
  const f = formatterFor(timeZone);
  if (!f) return undefined;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** Resolve a zone name: IANA name, abbreviation, or `+hh:mm` offset. Undefined when unknown. */
export function offsetFor(zone: string, local: LocalDateTime): number | undefined {
  const z = zone.trim();
  const upper = z.toUpperCase();
  if (upper in ZONE_ABBREVIATIONS) return ZONE_ABBREVIATIONS[upper];
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(z);
  if (m) {
    const [hours, minutes] = [Number(m[2]), Number(m[3] ?? 0)];
    // Real offsets run from -12:00 to +14:00; "+25:99" is a typo, not a zone.
    if (hours > 14 || minutes > 59) return undefined;
    return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  if (!isValidTimeZone(z)) return undefined;
  // Two passes settle the offset around DST transitions.
  const naive = localAsUtc(local);
  let offset = zoneOffsetMinutes(z, naive) ?? 0;
  offset = zoneOffsetMinutes(z, naive - offset * 60000) ?? offset;
  return offset;
}

export function localAsUtc(t: LocalDateTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** Epoch milliseconds of a local wall-clock time in `zone`; undefined for an unknown zone. */
export function zonedToUtc(local: LocalDateTime, zone: string): number | undefined {
  const offset = offsetFor(zone, local);
  return offset === undefined ? undefined : localAsUtc(local) - offset * 60000;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatUtcDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `HH:MM` or `HH:MM:SS` when seconds are not zero. */
export function formatUtcTime(ms: number): string {
  const d = new Date(ms);
  const base = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return d.getUTCSeconds() ? `${base}:${pad(d.getUTCSeconds())}` : base;
}

/** ISO 8601 as written in front matter: `2026-11-20T14:09:00Z`. */
export function formatIsoUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

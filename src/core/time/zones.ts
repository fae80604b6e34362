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
  // Africa, South America, South and South-East Asia, Atlantic Canada, central and western Australia,
  // Chatham and Lord Howe: written daily where they are used. (IST, AST, CST, BST have several meanings:
  // see AMBIGUOUS_ABBREVIATIONS in zoneMarker.ts for how a timeline entry reads them.)
  SAST: 120, CAT: 120, EAT: 180, WAT: 60, BRT: -180, BRST: -120, ART: -180, CLT: -240, CLST: -180, UYT: -180, COT: -300, PET: -300, VET: -240,
  PKT: 300, NPT: 345, SLST: 330, MMT: 390, WIB: 420, WITA: 480, WIT: 540, ICT: 420, PHT: 480, PHST: 480, MYT: 480, TRT: 180,
  AWST: 480, ACST: 570, ACDT: 630, LHST: 630, LHDT: 660, CHAST: 765, CHADT: 825,
  NST: -210, NDT: -150, ADT: -180,
  MEZ: 60, MESZ: 120, WEZ: 0, WESZ: 60, OEZ: 120, OESZ: 180,
};

/**
 * Java's three-letter zone IDs that ICU (and so `Intl`) accepts but the time-zone data does not
 * have, each an alias of one city: `ECT` is Europe/Paris to ICU and Ecuador or the Eastern Caribbean
 * to whoever writes it, `SST` Pacific/Guadalcanal (Singapore's, Samoa's), `AST` America/Anchorage
 * (Atlantic, Arabia), `MIT` Pacific/Apia (Midway, 24 hours apart). Read as zones, `timezone: ECT` or
 * "all times SST" put every time hours off without a word; they are abbreviations, read as such or
 * reported. (The Java IDs the abbreviation table reads — PST, CST, IST, BST … — never get this far.)
 */
const ICU_ONLY_IDS = new Set(['ACT', 'AET', 'AGT', 'AST', 'BET', 'CNT', 'CTT', 'ECT', 'IET', 'MIT', 'NET', 'PLT', 'PNT', 'PRT', 'SST', 'VST']);

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  let f = formatterCache.get(timeZone);
  if (!f) {
    if (timeZone.length === 3 && ICU_ONLY_IDS.has(timeZone.toUpperCase())) return undefined;
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

/** IANA names that are UTC all year round (the zone check must not flag them). */
const UTC_NAMES = new Set(['utc', 'etc/utc', 'uct', 'etc/uct', 'gmt', 'etc/gmt', 'etc/gmt0', 'etc/gmt+0', 'etc/gmt-0', 'gmt0', 'universal', 'etc/universal', 'zulu', 'etc/zulu', 'z', 'ut']);

/** True for a written zone or IANA name that means UTC: `Z`, `UTC`, `GMT`, `+00:00`, `Etc/UTC`. */
export function isUtcZone(zone: string): boolean {
  const z = zone.trim().toLowerCase();
  return UTC_NAMES.has(z) || /^(?:utc|gmt)?[+-]0{1,2}:?(?:00)?$/.test(z);
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
  // The answer depends on the zone and the whole second only (formatToParts reads seconds): the
  // rules ask about the same few instants again and again (a 15,000-entry timeline in local time
  // asked 133,809 times about 2,073 seconds, most of its lint time).
  const second = Math.floor(utcMs / 1000);
  const key = `${timeZone}\u0000${second}`;
  const known = offsetMemo.get(key);
  if (known !== undefined) return known;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = utcMsOf(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offset = Math.round((asUtc - second * 1000) / 60000);
  // Bounded: a document with more distinct instants than this starts a fresh memo, never an unbounded one.
  if (offsetMemo.size >= OFFSET_MEMO_SIZE) offsetMemo.clear();
  offsetMemo.set(key, offset);
  return offset;
}

/** Offsets already read from the platform's zone data, by zone and second (zoneOffsetMinutes). */
const offsetMemo = new Map<string, number>();
const OFFSET_MEMO_SIZE = 20_000;

/** Resolve a zone name: IANA name, abbreviation, or `+hh:mm` offset. Undefined when unknown. */
export function offsetFor(zone: string, local: LocalDateTime): number | undefined {
  const z = zone.trim();
  const fixed = fixedOffset(z);
  if (fixed !== 'named') return fixed;
  if (!isValidTimeZone(z)) return undefined;
  // Two passes settle the offset around DST transitions.
  const naive = localAsUtc(local);
  let offset = zoneOffsetMinutes(z, naive) ?? 0;
  offset = zoneOffsetMinutes(z, naive - offset * 60000) ?? offset;
  return offset;
}

/**
 * The offset of `zone` at the instant `utcMs`, read as `offsetFor` reads it: an abbreviation or a
 * written offset is fixed (`CET` is UTC+1 in July too), a name follows its region's clock.
 * Undefined for an unknown zone.
 */
export function offsetAtInstant(zone: string, utcMs: number): number | undefined {
  const z = zone.trim();
  const fixed = fixedOffset(z);
  return fixed !== 'named' ? fixed : zoneOffsetMinutes(z, utcMs);
}

/** The offset of an abbreviation (`PST`) or a written offset (`+05:30`, `UTC-3`); 'named' for anything else. */
function fixedOffset(z: string): number | undefined | 'named' {
  const upper = z.toUpperCase();
  if (upper in ZONE_ABBREVIATIONS) return ZONE_ABBREVIATIONS[upper];
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(z);
  if (!m) return 'named';
  const [hours, minutes] = [Number(m[2]), Number(m[3] ?? 0)];
  // Real offsets run from -12:00 to +14:00; "+25:99" is a typo and "-14:20" the end of a range, not a zone.
  if (minutes > 59 || hours * 60 + minutes > (m[1] === '-' ? 12 * 60 : 14 * 60)) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function localAsUtc(t: LocalDateTime): number {
  return utcMsOf(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** 400 Gregorian years, to the day: the calendar repeats after them. */
const FOUR_CENTURIES_MS = 146097 * 86400000;

/**
 * `Date.UTC` for a year as written: `Date.UTC` reads years 0–99 as 1900–1999 ("0026-11-20" became
 * 1926, and 0000-02-29 "did not exist": trial19b F7). Such a year is counted 400 years later, where
 * the calendar is the same, and taken back. Every reader of a year someone wrote goes through this.
 */
export function utcMsOf(year: number, monthIndex: number, day = 1, hour = 0, minute = 0, second = 0): number {
  return year >= 0 && year < 100
    ? Date.UTC(year + 400, monthIndex, day, hour, minute, second) - FOUR_CENTURIES_MS
    : Date.UTC(year, monthIndex, day, hour, minute, second);
}

/** Epoch milliseconds of a local wall-clock time in `zone`; undefined for an unknown zone. */
export function zonedToUtc(local: LocalDateTime, zone: string): number | undefined {
  const offset = offsetFor(zone, local);
  return offset === undefined ? undefined : localAsUtc(local) - offset * 60000;
}

/** `UTC−8`, `UTC+10:30`, `UTC+12:45`: hours, and minutes when there are any. */
export function utcOffset(minutes: number): string {
  const m = Math.abs(minutes);
  const rest = m % 60;
  return `UTC${minutes < 0 ? '\u2212' : '+'}${Math.floor(m / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** `+05:30`, `-03:00`, `+00:00`: the one spelling of an offset the readers take. */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatUtcDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The calendar date of `ms` in `zone` (`YYYY-MM-DD`): the day a person there would write, with the
 * zone read as the stamps read it (`offsetAtInstant`: `+05:30` and `CEST` are fixed). UTC's for an unknown zone.
 */
export function formatLocalDate(ms: number, zone: string): string {
  return formatUtcDate(ms + (offsetAtInstant(zone, ms) ?? 0) * 60000);
}

/**
 * The wall clock of `ms` in `zone` (`clock`: `YYYY-MM-DD HH:MM`), read as `offsetAtInstant` reads the
 * zone. A clock a DST change repeats names two instants, so `repeated` says which one it is
 * ("UTC-04:00, the first of the two 01:30s"), for the message to say with the clock.
 */
export function localClockOf(ms: number, zone: string): { readonly clock: string; readonly repeated?: string } {
  const offset = offsetAtInstant(zone, ms) ?? 0;
  const d = new Date(ms + offset * 60000);
  const local = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0 };
  const time = `${pad(local.hour)}:${pad(local.minute)}`;
  const clock = `${formatUtcDate(d.getTime())} ${time}`;
  const issue = localTimeIssue(local, zone);
  if (issue?.kind !== 'overlap') return { clock };
  const which = Math.abs(ms - issue.instants![0]) < 60000 ? 'first' : 'second';
  return { clock, repeated: `UTC${offsetText(offset)}, the ${which} of the two ${time}s` };
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
  return day <= new Date(utcMsOf(year, month, 0)).getUTCDate();
}

/**
 * A local wall-clock time that a DST change makes invalid: skipped (`gap`, clocks jumped over it) or
 * repeated (`overlap`, clocks went back over it). Converting such a time needs a guess, so the tools
 * report it instead of choosing silently.
 */
export interface LocalTimeIssue {
  readonly kind: 'gap' | 'overlap';
  readonly zone: string;
  readonly local: LocalDateTime;
  /** Wall-clock time just before and just after the change (`02:00` → `03:00`). */
  readonly clockFrom: string;
  readonly clockTo: string;
  /** For an overlap: the two UTC instants the local time can mean, earlier first. */
  readonly instants?: readonly [number, number];
}

const DAY = 86400000;
/** Per zone and UTC day: whether the offset is the same from the day before to the day after (no DST change near). */
const steadyDays = new Map<string, boolean>();

function steadyAround(zone: string, naive: number): boolean {
  const day = Math.floor(naive / DAY);
  const key = `${zone}\u0000${day}`;
  let steady = steadyDays.get(key);
  if (steady === undefined) {
    const offsets = [-1, 0, 1, 2].map((d) => zoneOffsetMinutes(zone, (day + d) * DAY));
    steady = offsets.every((o) => o === offsets[0]);
    if (steadyDays.size > 4096) steadyDays.clear();
    steadyDays.set(key, steady);
  }
  return steady;
}

/**
 * The DST problem of `local` in an IANA `zone`, or undefined when it names exactly one instant.
 * Fixed offsets and abbreviations (`+02:00`, `CET`) never have one. Cheap for the common case: a
 * cached per-day check rules out most times without looking closer.
 */
export function localTimeIssue(local: LocalDateTime, zone: string): LocalTimeIssue | undefined {
  const z = zone.trim();
  if (z.toUpperCase() in ZONE_ABBREVIATIONS || /^(?:UTC|GMT)?[+-]/i.test(z) || !isValidTimeZone(z)) return undefined;
  const naive = localAsUtc(local);
  if (steadyAround(z, naive)) return undefined;
  const before = zoneOffsetMinutes(z, naive - 1.5 * DAY)!;
  const after = zoneOffsetMinutes(z, naive + 1.5 * DAY)!;
  if (before === after) return undefined;
  const valid = [before, after].filter((o) => zoneOffsetMinutes(z, naive - o * 60000) === o);
  if (valid.length === 1) return undefined;
  // The change instant, to the minute: the first minute with the new offset.
  let lo = Math.floor((naive - 1.5 * DAY) / 60000);
  let hi = Math.ceil((naive + 1.5 * DAY) / 60000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zoneOffsetMinutes(z, mid * 60000) === before) lo = mid;
    else hi = mid;
  }
  const change = hi * 60000;
  const clock = (ms: number) => formatUtcTime(ms).slice(0, 5);
  const common = { zone: z, local, clockFrom: clock(change + before * 60000), clockTo: clock(change + after * 60000) };
  if (valid.length === 0) return { kind: 'gap', ...common };
  const instants = [naive - before * 60000, naive - after * 60000].sort((a, b) => a - b) as [number, number];
  return { kind: 'overlap', ...common, instants };
}

/** What to do about a local time that does not name one instant (after describeLocalTimeIssue's fact). */
export const LOCAL_TIME_ADVICE = 'write the UTC time or an explicit offset';

/**
 * What is wrong with a local time, without advice: "02:30 on 2026-03-29 does not exist in
 * Europe/Berlin (clocks went from 02:00 to 03:00)". Messages that say another thing to do (convert:
 * "kept as written") build on this rather than cutting up describeLocalTimeIssue's sentence.
 */
export function localTimeIssueFact(issue: LocalTimeIssue): string {
  const { local } = issue;
  const seconds = local.second ? `:${pad(local.second)}` : '';
  const when = `${pad(local.hour)}:${pad(local.minute)}${seconds} on ${local.year}-${pad(local.month)}-${pad(local.day)}`;
  if (issue.kind === 'gap') return `${when} does not exist in ${issue.zone} (clocks went from ${issue.clockFrom} to ${issue.clockTo})`;
  const [first, second] = issue.instants!;
  return `${when} happens twice in ${issue.zone} (clocks went back from ${issue.clockFrom} to ${issue.clockTo}): at ${formatUtcTime(first)}Z and at ${formatUtcTime(second)}Z`;
}

/** "02:30 on 2026-03-29 does not exist in Europe/Berlin (clocks went from 02:00 to 03:00); write the UTC time or an explicit offset". */
export function describeLocalTimeIssue(issue: LocalTimeIssue): string {
  return `${localTimeIssueFact(issue)}; ${LOCAL_TIME_ADVICE}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why a written date does not exist ("2026-02-30 does not exist: February 2026 has 28 days"), undefined when it does. */
export function dateProblem(year: number, month: number, day: number): string | undefined {
  const written = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (month < 1 || month > 12) return `${written} does not exist: months run from 01 to 12`;
  if (day < 1) return `${written} does not exist: days start at 01`;
  const days = new Date(utcMsOf(year, month, 0)).getUTCDate();
  return day > days ? `${written} does not exist: ${MONTH_NAMES[month - 1]} ${String(year).padStart(4, '0')} has ${days} days` : undefined;
}

import { tzZoneName } from './tzName';
import { regionOfAbbreviation } from './abbreviationSeasons';
import { currentZoneName } from './zoneNames';
import { formatLocalDate, isUtcZone, ZONE_ABBREVIATIONS } from './zones';

/**
 * The writer's time zone: the IANA zone the person writing a post-mortem lives the incident in. New
 * post-mortems declare it (`timezone:`), and the lint uses it to tell "these zone-less times are UTC"
 * from "these are local times under `timezone: UTC`". The hosts find it (the extension: the
 * `postmortem.zone` setting, else the machine's zone; the CLI: `--zone`, else the process's zone,
 * `TZ` included) and pass it in as data: the core never asks the machine itself.
 */
export interface WriterZone {
  /** A valid IANA zone name, `UTC` when nothing better is known. */
  readonly zone: string;
  /** Where it came from, for messages: "the postmortem.zone setting", "--zone", "this machine's time zone". */
  readonly source: string;
  /**
   * Set when the tool had to guess or fall back: the machine's zone is unknown or UTC, or the
   * configured one is not a zone. Hosts show it (nothing silently wrong).
   */
  readonly notice?: string;
}

/** The canonical spelling of an IANA zone (`europe/berlin` → `Europe/Berlin`), or undefined when it is not one. */
export function canonicalZone(name: string): string | undefined {
  // Asking Intl costs a formatter (~0.1 ms), and lint asks once per rule and file: remember the answers.
  if (canonicalMemo.has(name)) return canonicalMemo.get(name);
  const zone = canonicalZoneOf(name);
  // Names come from settings and front matter: a bounded memo, cleared rather than grown.
  if (canonicalMemo.size >= 256) canonicalMemo.clear();
  canonicalMemo.set(name, zone);
  return zone;
}

const canonicalMemo = new Map<string, string | undefined>();

function canonicalZoneOf(name: string): string | undefined {
  const written = name.trim();
  // Offsets ("+02:00") and empty names are not zones: they know nothing of daylight saving.
  if (!written || /^[+-]?\d/.test(written) || /^(?:UTC|GMT)[+-]/i.test(written)) return undefined;
  // Nor are abbreviations: the tools read PST, CET, IST as fixed offsets (UTC−8 in July too), while
  // Intl takes some of them for a region's zone. `timezone: PST` would read summer times an hour off.
  if (zoneAbbreviationHint(written)) return undefined;
  let resolved: string | undefined;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: written }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  if (!resolved) return written;
  // The spelling fixed (`asia/kolkata` → `Asia/Kolkata`: ICU resolves it to its legacy `Asia/Calcutta`).
  const current = currentZoneName(resolved);
  if (resolved.toLowerCase() === written.toLowerCase()) return resolved;
  if (current.toLowerCase() === written.toLowerCase()) return current;
  // ICU maps some names to another city (CET → Europe/Brussels, US/Pacific → America/Los_Angeles): keep what the person wrote.
  return written;
}

/**
 * The zone this runtime runs in, as the person named it. `given` is the zone the person set for the
 * process (the CLI passes `TZ`): when it is an IANA name it is used as written (case fixed), so
 * `TZ=Asia/Kolkata` stays Asia/Kolkata. Otherwise the zone `Intl` reports (the machine's, or the
 * browser's), under its current IANA name: ICU says `Asia/Calcutta` for a machine in Kolkata.
 * Undefined when the runtime has no zone.
 */
export function runtimeZone(given?: string): string | undefined {
  // `TZ=:Asia/Kolkata` and a path to a zone file name their zone (tzZoneName); a POSIX rule ("CET-1CEST") is Intl's to read.
  const named = given === undefined ? undefined : tzZoneName(given);
  const asGiven = named ? canonicalZone(named) : undefined;
  if (asGiven) return asGiven;
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone ? canonicalZone(currentZoneName(zone)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The region for an abbreviation zoneName.ts's table has no season for: IST, whose usual reading is
 * India's (it is also Israel's and Ireland's; readers that must not guess use AMBIGUOUS_ABBREVIATIONS).
 */
const USUAL_REGION: Readonly<Record<string, string>> = { IST: 'Asia/Kolkata' };

/**
 * Why a zone abbreviation given as the writer's zone is refused, and what to write instead:
 * `PST is an abbreviation, a fixed UTC−8 all year …, like America/Los_Angeles`. Undefined for
 * anything else (UTC and GMT are zones).
 */
export function zoneAbbreviationHint(name: string): string | undefined {
  const upper = name.trim().toUpperCase();
  if (!(upper in ZONE_ABBREVIATIONS) || isUtcZone(upper)) return undefined;
  const minutes = ZONE_ABBREVIATIONS[upper];
  const h = Math.abs(minutes) / 60;
  const offset = `UTC${minutes < 0 ? '\u2212' : '+'}${Number.isInteger(h) ? h : `${Math.floor(h)}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`}`;
  const region = regionOfAbbreviation(upper) ?? USUAL_REGION[upper];
  return `${upper} is an abbreviation, a fixed ${offset} all year, not a time zone with daylight saving${region ? `: for the clocks there write the IANA zone, like ${region}` : ''}`;
}

export interface WriterZoneInput {
  /** The configured zone (a setting or a flag), when the person gave one. */
  readonly configured?: string;
  /** How to name the configured value in messages: "the postmortem.zone setting", "--zone". */
  readonly configuredName: string;
  /** The runtime's zone (`runtimeZone()`), passed in so tests can pretend to be elsewhere. */
  readonly machine: string | undefined;
  /** How to tell the person to set a zone: "set postmortem.zone", "pass --zone Europe/Berlin". */
  readonly howToSet: string;
}

/**
 * The writer's zone and what to tell the person about it. A configured zone wins when valid; an
 * invalid one is reported and the machine's zone used instead. A machine in UTC or with no zone is
 * said out loud, because local times typed under `timezone: UTC` would silently be hours off.
 */
export function pickWriterZone(input: WriterZoneInput): WriterZone {
  const configured = input.configured?.trim();
  let rejected = '';
  if (configured) {
    const zone = canonicalZone(configured);
    if (zone) return { zone, source: input.configuredName };
    const hint = zoneAbbreviationHint(configured);
    rejected = `${input.configuredName} is "${configured}", which is not an IANA time zone (${hint ?? 'like Europe/Berlin or America/Los_Angeles'}); `;
  }
  const machine = input.machine && canonicalZone(input.machine);
  if (!machine) {
    return { zone: 'UTC', source: 'a fallback', notice: `${rejected}this machine's time zone is unknown, so UTC is used: times you write without a zone are read as UTC. If you write local times, ${input.howToSet}.` };
  }
  if (isUtcZone(machine)) {
    return { zone: machine, source: "this machine's time zone", notice: `${rejected}this machine's time zone is ${machine}: times you write without a zone are read as UTC. If you write local times, ${input.howToSet}.` };
  }
  return { zone: machine, source: "this machine's time zone", ...(rejected ? { notice: `${rejected}using this machine's time zone, ${machine}.` } : {}) };
}

/**
 * The writer's "today" as YYYY-MM-DD: the date fixes write (`done:`, `due:` in 14 days) in every
 * host. It is the calendar day where the writer is (`zone`: the `postmortem.zone` setting, else the
 * machine's zone; in the CLI the process's, `TZ` included), not the document's `timezone:` (where the
 * incident happened) nor UTC: an item closed at 22:30 in Los Angeles is done that day, although it
 * is already the next day in UTC. No zone known: the UTC date.
 */
export function writerToday(nowMs: number, zone: string | undefined): string {
  return formatLocalDate(nowMs, zone ?? 'UTC');
}

import { formatIsoUtc } from './zones';

/**
 * Front-matter times that lint rejects (`schema/format`: not an RFC 3339 date-time with seconds and
 * a zone, e.g. `detected_at: 2026-09-27 03:10`) but that the summary can still read (in the
 * document's `timezone:`, or in the zone written on them). The lists and the metrics use them, so
 * they say so, with the reading (trial T6: lint called it an error while metrics counted it with
 * `problems: []`). The reading is the one lint's preferred fix writes. Zone-less times read as UTC
 * are left to the zone note (readAsUtcNote.ts), which speaks when the writer's zone makes the reading
 * doubtful: for a writer in UTC that reading is the one meant.
 */
const LOOSE_TIME = 'Time read from a value lint rejects: ';

// The schema's `date-time` (ajv-formats, full mode): date, `T` or a space, HH:MM:SS, a zone.
const STRICT_DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/** True when the schema accepts the value as a date-time (so lint does not reject it). */
export function isStrictDateTime(value: string): boolean {
  return STRICT_DATE_TIME.test(value);
}

/**
 * The note for `field: written`, read as `ms`: in `zone` when one was written on it, else in
 * `timezone` (`stated`: the front matter says `timezone:`).
 */
export function looseTimeNote(field: string, written: string, ms: number, zone: string | undefined, timezone: string, stated: boolean): string {
  const how = zone !== undefined
    ? `in the zone written on it (${zone})`
    : `as ${timezone} time (${stated ? 'the front matter\'s `timezone`' : 'there is no `timezone:`'})`;
  return `${LOOSE_TIME}\`${field}: ${written}\` is not an ISO 8601 date-time in UTC (lint: schema/format); it was read ${how}, ${formatIsoUtc(ms)}. \`postmortem lint --fix\` writes it so`;
}

/**
 * A front-matter time written with YAML's `!!timestamp` tag: the YAML reader makes it a date, which
 * the schema rejects as not a string (schema/type), while the readers take its instant. Said, as a
 * loose time is (trial13a F17: lint called it "a mapping" and list used it without a word).
 */
export function taggedTimeNote(field: string, ms: number): string {
  return `${LOOSE_TIME}\`${field}\` is tagged \`!!timestamp\` (lint: schema/type, a time is written as text); it was read as ${formatIsoUtc(ms)}. Remove the tag`;
}

/**
 * A front-matter time whose text is right but has a line break or spaces around it: written as a
 * YAML block scalar (`resolved_at: |` and the time on the next line) or quoted with spaces. The
 * schema rejects it (schema/format), the readers take the trimmed time: said (trial14a F18).
 */
export function spacedTimeNote(field: string, ms: number): string {
  return `${LOOSE_TIME}\`${field}\` has a line break or spaces around its time (a block scalar \`|\` keeps its line break; lint: schema/format); it was read as ${formatIsoUtc(ms)}. Write the time on the key's line`;
}

export function isLooseTimeProblem(problem: string): boolean {
  return problem.startsWith(LOOSE_TIME);
}

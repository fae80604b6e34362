import { sameZone } from '../../time/zoneNames';
import { readZoneName } from '../../time/zoneName';
import type { ConvertLog } from './model';
import type { TimesZone } from './timesZone';

/** Where the zone that times without one are read in came from. */
export type ZoneSource = 'text' | 'front matter' | 'times' | 'given' | 'none';

export interface DocumentZone {
  /** The zone for times without their own; undefined: none known (read as UTC, flagged where used). */
  readonly zone?: string;
  readonly source: ZoneSource;
  /** The value to write as `timezone:` when it should be kept as the original wrote it (its front matter's). */
  readonly keep?: string;
}

export interface ZoneClues {
  /** "All times PST", "Timezone: Europe/Berlin", "| Time (UTC) |": a statement in the text. */
  readonly text?: string;
  /** The zone every written time carries ("15:09 UTC", "9:16 PM PDT"), or most of them do. */
  readonly times?: TimesZone;
  /** The original's front matter `timezone:` (any YAML value). */
  readonly frontMatter?: unknown;
  /** Its line, for messages. */
  readonly frontMatterLine: number;
  /** The zone the person gave for this conversion (`--zone`), already checked. */
  readonly given?: string;
}

/**
 * The zone of a document's times: a statement in its text, else its front matter's `timezone:`
 * (an IANA name, an offset or an abbreviation — trial C2: it was ignored and the local times read
 * as UTC), else the zone all its times carry, else the zone given for the conversion. The front
 * matter's zone, when it is one, is kept as the output's `timezone:`. A text and a front matter
 * that disagree, a front-matter zone that is not one (a warning), and a given zone the document
 * overrides are said: the reader must know which zone the times were read in.
 */
export function documentZone(clues: ZoneClues, log: ConvertLog): DocumentZone {
  const raw = typeof clues.frontMatter === 'string' ? clues.frontMatter.trim() : clues.frontMatter === undefined || clues.frontMatter === null ? undefined : String(clues.frontMatter);
  const fm = raw ? readZoneName(raw) : undefined;
  if (fm?.kind === 'unknown') {
    log.flag('unknown-zone', clues.frontMatterLine, `The front matter's timezone "${raw}" is not a time zone${fm.suggestion ? ` (did you mean ${fm.suggestion}?)` : ''}; it was not used to read the times — fix it and convert again`);
  }
  const fmZone = fm && fm.kind !== 'unknown' ? fm.zone : undefined;
  let chosen: DocumentZone;
  if (clues.text) {
    // A writer's zone in the front matter and "All times UTC" over the timeline (the format's own
    // example) both hold: the text says how its times are written, the front matter is kept.
    if (fmZone && !same(fmZone, clues.text)) {
      log.notes.push({ line: clues.frontMatterLine, message: `The front matter says timezone: ${fmZone} and the text says its times are ${clues.text}: times without a zone were read in ${clues.text}, as the text states; timezone: ${fmZone} is kept` });
    }
    chosen = { zone: clues.text, source: 'text', ...(fmZone ? { keep: fmZone } : {}) };
  } else if (fmZone) chosen = { zone: fmZone, source: 'front matter', keep: fmZone };
  else if (clues.times) {
    chosen = { zone: clues.times.zone, source: 'times' };
    const { others, count, total } = clues.times;
    // Most times carry one zone, a few another ("noticed at 0:59 CET" in a PST review): the
    // document's zone is a majority's, which the reader is told, with where the others are.
    if (others.length) {
      const named = others.slice(0, 3).map((o) => `${o.zone} (line ${o.line + 1}${o.count > 1 ? ` and ${o.count - 1} more` : ''})`).join(', ');
      log.notes.push({ line: others[0].line, message: `${count} of the ${total} times written with a zone carry ${clues.times.zone}: it is taken as the document's zone, for times written without one and for timezone:. The other zones written on times (${named}${others.length > 3 ? ` and ${others.length - 3} more` : ''}) are not: a time written with one keeps it` });
    }
  }
  else if (clues.given) return { zone: clues.given, source: 'given' };
  else return { source: 'none' };
  if (clues.given && !same(clues.given, chosen.zone!)) {
    log.notes.push({ line: chosen.source === 'front matter' ? clues.frontMatterLine : 0, message: `The zone given for this conversion (${clues.given}) was not used: the document states its own (${chosen.zone}, ${describeZoneSource(chosen.source)})` });
  }
  return chosen;
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase() || sameZone(a, b);
}

/** "in the front matter", "stated in the text", for the report line "times read in X (…)". */
export function describeZoneSource(source: ZoneSource, from?: string): string {
  switch (source) {
    case 'text': return 'stated in the document';
    case 'front matter': return "the front matter's timezone";
    case 'times': return 'stated in the document';
    case 'given': return `${from ?? 'given for this conversion'}; the document states none`;
    default: return 'no zone stated: check';
  }
}

import { readWrittenZone } from '../../core/time/writtenZone';
import { sameZone } from '../../core/time/zoneNames';
import { isUtcZone, isValidTimeZone } from '../../core/time/zones';

/**
 * Which zone to read zone-less export times in. Pure (no vscode import) so the decision is unit
 * tested; importTimeline.ts shows the choices in a Quick Pick.
 */

/** How a zone was settled, said in the import summary so the user can check it. */
export interface SettledZone {
  readonly zone: string;
  readonly because: string;
}

export interface ZoneChoice {
  readonly label: string;
  readonly description: string;
  /** Absent for "Other…", which asks for a name. */
  readonly zone?: string;
}

/** The front matter's `timezone:` when it names a real zone; otherwise nothing (the user is asked). */
export function documentZone(meta: Readonly<Record<string, unknown>>): string | undefined {
  const value = typeof meta.timezone === 'string' ? meta.timezone.trim() : '';
  return value !== '' && isValidTimeZone(value) ? value : undefined;
}

/**
 * A zone passed by a script wins; then the document's own zone; undefined means "ask". A document
 * saying `timezone: UTC` while the writer lives elsewhere is the zone trap (timeline/utc-or-local):
 * an export written in local time would be read hours off, so the user is asked instead.
 */
export function defaultExportZone(argZone: string | undefined, docZone: string | undefined, writerZone?: string): SettledZone | undefined {
  if (argZone) return { zone: argZone, because: 'as passed to the command' };
  if (docZone && isUtcZone(docZone) && writerZone && !isUtcZone(writerZone)) return undefined;
  if (docZone) return { zone: docZone, because: 'the timezone in the front matter' };
  return undefined;
}

/** UTC, the document's zone, the machine's zone (each once, in that order: Asia/Calcutta and Asia/Kolkata are one), then "Other…". */
export function zoneChoices(docZone: string | undefined, machineZone: string | undefined): ZoneChoice[] {
  const choices: ZoneChoice[] = [{ label: 'UTC', description: 'exports from servers and most paging tools', zone: 'UTC' }];
  const add = (zone: string | undefined, description: string): void => {
    if (zone && isValidTimeZone(zone) && !choices.some((c) => c.zone !== undefined && sameZone(c.zone, zone))) choices.push({ label: zone, description, zone });
  };
  add(docZone, 'the timezone in the post-mortem\'s front matter');
  add(machineZone, 'your time zone');
  choices.push({ label: 'Other…', description: 'type an IANA zone name such as Europe/Berlin' });
  return choices;
}

/** Input-box validation for a typed zone (Import Timeline's "Other…", Convert's "Another zone…"): undefined when `name` is a zone the readers take, read as the CLI's --zone is. */
export function zoneNameProblem(name: string): string | undefined {
  const read = readWrittenZone(name, 'reading', 'the zone');
  return 'problem' in read ? read.reason : undefined;
}

/** The zone typed for "Other…" in its one spelling (`asia/kolkata` → Asia/Kolkata, `UTC+2` → +02:00). */
export function typedZone(name: string): string | undefined {
  const read = readWrittenZone(name, 'reading', 'the zone');
  return 'zone' in read ? read.zone : undefined;
}

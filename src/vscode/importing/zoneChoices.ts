import { readWrittenZone } from '../../core/time/writtenZone';
import { sameZone } from '../../core/time/zoneNames';
import { isValidTimeZone } from '../../core/time/zones';

/**
 * The choices Import Timeline's Quick Pick shows when no zone is settled, and typed zones. Pure (no
 * vscode import) so it is unit tested. Which zone is settled is the core's (core/import/exportZone.ts,
 * imported directly by the command), the same decision as the CLI's.
 */

export interface ZoneChoice {
  readonly label: string;
  readonly description: string;
  /** Absent for "Other…", which asks for a name. */
  readonly zone?: string;
}

/**
 * UTC, the document's zone (or the zones its `timezone:` abbreviation may mean, when it has several),
 * the machine's zone (each once, in that order: Asia/Calcutta and Asia/Kolkata are one), then "Other…".
 */
export function zoneChoices(docZone: string | undefined, machineZone: string | undefined, meanings: readonly string[] = []): ZoneChoice[] {
  const choices: ZoneChoice[] = [{ label: 'UTC', description: 'exports from servers and most paging tools', zone: 'UTC' }];
  const add = (zone: string | undefined, description: string): void => {
    if (zone && isValidTimeZone(zone) && !choices.some((c) => c.zone !== undefined && sameZone(c.zone, zone))) choices.push({ label: zone, description, zone });
  };
  add(docZone, 'the timezone in the post-mortem\'s front matter');
  for (const zone of meanings) add(zone, 'a meaning of the abbreviation in the post-mortem\'s timezone:');
  add(machineZone, 'your time zone');
  choices.push({ label: 'Other…', description: 'type an IANA zone name such as Europe/Berlin, or an offset such as +05:30' });
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

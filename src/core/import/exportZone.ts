import { isUtcZone, isValidTimeZone } from '../time/zones';

/**
 * Which zone to read an export's zone-less times in (a CSV of alerts, say), decided the same way by
 * both hosts: the editor's Import Timeline asks when this gives nothing, the CLI asks for --zone.
 */

/** How a zone was settled, said in the import summary so the user can check it. */
export interface SettledZone {
  readonly zone: string;
  readonly because: string;
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

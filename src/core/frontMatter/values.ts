import { formatIsoUtc } from '../time/zones';

/** A front-matter value as one string: text trimmed, numbers and booleans as written, dates in UTC. */
export function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : formatIsoUtc(value.getTime());
  return undefined;
}

/** A front-matter list of names or ids (`related`, `services`): one string counts as a list of one. */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
}

/**
 * The zone times without their own are read in: the front matter's `timezone` as written (an IANA
 * name, an offset like `+05:30`, an abbreviation like `CEST`), `fallback` when there is none. An
 * unknown name (`Europe/Berln`) is returned as written too: times read in it are unreadable, and
 * said so, rather than silently read in UTC (time/zoneName.ts decides what is known).
 */
export function frontMatterZone(meta: Readonly<Record<string, unknown>>, fallback = 'UTC'): string {
  const written = typeof meta.timezone === 'string' ? meta.timezone.trim() : '';
  return written || fallback;
}

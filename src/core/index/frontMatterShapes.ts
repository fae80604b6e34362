/**
 * Front-matter values of a YAML type the summary cannot show as written (trial17a F7): `id: 0042`
 * is the number 42 to YAML, `id: 2026.10` is 2026.1, `.inf` is Infinity; `severity: [SEV1]` is a
 * list and `services: {a: 1}` a mapping. The lists and metrics showed 42, or nothing, with exit 0.
 * A number or boolean where text is meant is read as written (its source text), with a note; a list
 * or mapping where a value is meant, and a value where names are meant, are not used, with a note.
 * Both notes make `list`, `metrics` and `actions` exit 1, as lint's schema/type is an error.
 */
import { isJsSpace } from '../text/trimChars';

export const VALUE_UNREAD = 'Front-matter value not read: ';
export const VALUE_AS_WRITTEN = 'Front-matter value read as written: ';

/** Keys whose value the summary shows as text. */
export const TEXT_KEYS = ['id', 'title', 'status', 'severity', 'incident_type'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];
const LIST_KEYS = ['services', 'tags', 'factors', 'related'] as const;

export interface ValueShapes {
  /** Text keys written as a YAML number or boolean: their text as written. */
  readonly asWritten: Partial<Record<TextKey, string>>;
  readonly problems: string[];
}

export function valueShapes(meta: Readonly<Record<string, unknown>>, content: string): ValueShapes {
  const asWritten: Partial<Record<TextKey, string>> = {};
  const problems: string[] = [];
  for (const key of TEXT_KEYS) {
    const v = meta[key];
    if (typeof v === 'number' || typeof v === 'boolean') {
      const written = writtenValue(content, key);
      if (written === undefined) {
        // Flow style (`{id: 0042}`): the written form is not on a line of its own; what YAML made of it is used, and said.
        problems.push(`${VALUE_AS_WRITTEN}\`${key}\` is the ${typeof v} ${String(v)} to YAML, shown so; it may have been written otherwise (lint: schema/type; quote it)`);
        continue;
      }
      if (written === String(v)) continue;
      asWritten[key] = written;
      problems.push(`${VALUE_AS_WRITTEN}\`${key}: ${written}\` is the ${typeof v} ${String(v)} to YAML; read as written, "${written}" (lint: schema/type; quote it)`);
    } else if (Array.isArray(v) || (typeof v === 'object' && v !== null && !(v instanceof Date))) {
      problems.push(`${VALUE_UNREAD}\`${key}\` is ${Array.isArray(v) ? 'a list' : 'a mapping'}${shownWritten(content, key)}, not a value; not used (lint: schema/type)`);
    }
  }
  for (const key of LIST_KEYS) {
    const v = meta[key];
    if (v === undefined || v === null || typeof v === 'string') continue;
    if (Array.isArray(v)) {
      let dropped = 0;
      for (const item of v) if (typeof item !== 'string' && typeof item !== 'number') dropped++;
      if (dropped) problems.push(`${VALUE_UNREAD}\`${key}\`: ${dropped} of its ${v.length} items ${dropped === 1 ? 'is' : 'are'} not a name (a list, a mapping or nothing); not used (lint: schema/type)`);
      continue;
    }
    problems.push(`${VALUE_UNREAD}\`${key}\` is ${typeof v === 'object' && !(v instanceof Date) ? 'a mapping' : `the ${v instanceof Date ? 'date' : typeof v} ${shownScalar(content, key, v)}`}, not a list of names; not used (lint: schema/type)`);
  }
  const zone = meta.timezone;
  if (zone !== undefined && zone !== null && typeof zone !== 'string') {
    const what = Array.isArray(zone) ? 'a list' : typeof zone === 'object' && !(zone instanceof Date) ? 'a mapping' : `the ${typeof zone} ${shownScalar(content, 'timezone', zone)}`;
    problems.push(`${VALUE_UNREAD}\`timezone\` is ${what}, not a zone name; not used: times written without a zone are read in UTC (lint: schema/type)`);
  }
  return { asWritten, problems };
}

export function isValueUnreadProblem(problem: string): boolean {
  return problem.startsWith(VALUE_UNREAD) || problem.startsWith(VALUE_AS_WRITTEN);
}

/** The value written after `key:` on its top-level line, without a ` #` comment; undefined when the line holds none (a block below it, a flow mapping). */
function writtenValue(content: string, key: string): string | undefined {
  const at = new RegExp(`(?:^|\\n)${key}[ \\t]*:`).exec(content);
  if (!at) return undefined;
  const from = at.index + at[0].length;
  const lineEnd = content.indexOf('\n', from);
  const line = content.slice(from, lineEnd === -1 ? content.length : lineEnd).replace(/\r$/, '');
  let end = line.length;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '#' && (i === 0 || isJsSpace(line[i - 1]))) {
      end = i;
      break;
    }
  }
  const value = line.slice(0, end).trim();
  return value || undefined;
}

function shownWritten(content: string, key: string): string {
  const written = writtenValue(content, key);
  return written ? ` (${written.slice(0, 60)})` : '';
}

function shownScalar(content: string, key: string, v: unknown): string {
  return writtenValue(content, key)?.slice(0, 60) ?? String(v);
}

/** The key a value problem is about (`id`, `services`), undefined for other problems. */
export function valueProblemKey(problem: string): string | undefined {
  if (!isValueUnreadProblem(problem)) return undefined;
  return /^[^`]*`([A-Za-z_]+)/.exec(problem)?.[1];
}

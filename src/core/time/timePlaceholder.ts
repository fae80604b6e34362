import { lintedStatus } from '../lint/reviewStatus';

/**
 * What people write for a time not known yet: `TBD`, `ongoing`, `?`, the template's own
 * `YYYY-MM-DDTHH:MM:SSZ`. Compared trimmed and in any case. Not here: anything with a digit (a
 * mistyped time is an error to fix, never "not yet").
 */
const TIME_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'tbd', 'tba', 'tbc', 'todo', 'tk', 'xxx', 'unknown', 'n/a', 'na', 'none', 'pending', 'ongoing', 'open', 'in progress', 'not yet', 'not known',
  'not known yet', 'not yet known', 'not resolved', 'not yet resolved', 'unresolved', 'still open', 'to be determined', 'to be confirmed',
  '?', '??', '???', '-', '--', '—', '–', 'yyyy-mm-ddthh:mm:ssz', 'yyyy-mm-ddthh:mm:ss', 'yyyy-mm-dd hh:mm', 'yyyy-mm-dd',
]);

/** A front-matter time written as "not known yet": empty (`resolved_at:`) or a placeholder word. */
export interface TimePlaceholder {
  /** How it reads in a message: `"TBD", a placeholder`, or `nothing (an empty value)`. */
  readonly shown: string;
  /** True when the status requires the key (the four incident times from in-review on, `published_at` once published): then it is an error. */
  readonly required: boolean;
}

/**
 * A time key whose value says "not known yet" (`resolved_at: TBD`, `resolved_at:`), and whether
 * the post-mortem's status requires it. While not required (a draft's incident times, a review's
 * `published_at`) it reads as not set: lint says so as an info, and the lists and metrics count the
 * key as missing without a "not read" note. Once required it is lint's error and the readers' "not
 * read". One decision for lint (schema) and the summary (readSummary).
 */
export function timePlaceholder(key: string, value: unknown, status: unknown): TimePlaceholder | undefined {
  let shown: string;
  if (value === null || (typeof value === 'string' && value.trim() === '')) shown = 'nothing (an empty value)';
  else if (typeof value === 'string' && value.length <= 40 && TIME_PLACEHOLDERS.has(value.trim().toLowerCase())) shown = `${JSON.stringify(value.trim())}, a placeholder`;
  else return undefined;
  const linted = lintedStatus(status);
  const required = key === 'published_at' ? linted === 'published' : linted !== 'draft';
  return { shown, required };
}

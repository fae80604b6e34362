import type { ImportedEvent } from '../import/events';
import type { RedactionSettings } from './config';
import type { RedactionKind } from './kinds';
import { findSensitive, redactText } from './scan';

/** What an import redacted in one event, for the preview: where, which kinds, the text before. */
export interface EventRedaction {
  readonly origin: string;
  readonly kinds: readonly RedactionKind[];
  /** What the placeholders say, once each (`email`, `customer-id`). */
  readonly labels: readonly string[];
  /** How many values were replaced; the values themselves are never kept or shown. */
  readonly count: number;
  /** The event's `part` of its origin (an alert's `firing` or `resolved`). */
  readonly part?: string;
}

/**
 * Imported chat, alerts and commit messages run through the same check as the document: each event's
 * text comes back with secrets and personal data replaced by placeholders, and `redactions` says
 * what was replaced where (for the preview). The values themselves are never returned.
 */
export function redactEvents(events: readonly ImportedEvent[], settings: RedactionSettings): { events: ImportedEvent[]; redactions: EventRedaction[] } {
  const out: ImportedEvent[] = [];
  const redactions: EventRedaction[] = [];
  for (const event of events) {
    const findings = findSensitive(event.text, settings);
    if (findings.length === 0) {
      out.push(event);
      continue;
    }
    out.push({ ...event, text: redactText(event.text, findings) });
    const kinds = [...new Set(findings.map((f) => f.kind))];
    redactions.push({ origin: event.origin, kinds, labels: [...new Set(findings.map((f) => f.label))], count: findings.length, ...(event.part ? { part: event.part } : {}) });
  }
  return { events: out, redactions };
}

/**
 * One line per origin for a preview: `row 3: 2 values redacted (email, github-token)`. Events read
 * from one origin (an alert's firing and resolved entries) share a line that names their parts and
 * adds up their counts: `alert 1 (firing and resolved): 2 values redacted (ip-address)` (trial 11 T8).
 */
export function describeRedactions(redactions: readonly EventRedaction[]): string[] {
  const byOrigin = new Map<string, { count: number; labels: Set<string>; parts: string[]; events: number }>();
  for (const r of redactions) {
    const entry = byOrigin.get(r.origin) ?? { count: 0, labels: new Set<string>(), parts: [], events: 0 };
    entry.count += r.count;
    entry.events++;
    for (const label of r.labels) entry.labels.add(label);
    if (r.part && !entry.parts.includes(r.part)) entry.parts.push(r.part);
    byOrigin.set(r.origin, entry);
  }
  return [...byOrigin].map(([origin, { count, labels, parts, events }]) => {
    const which = parts.length > 1 ? ` (${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]})` : parts.length ? ` (${parts[0]})` : events > 1 ? ` (${events} events)` : '';
    return `${origin}${which}: ${count} value${count === 1 ? '' : 's'} redacted (${[...labels].join(', ')})`;
  });
}

/**
 * The preview's redaction paragraph: how many values in how many events were replaced, then where
 * (at most `max` lines), then how to keep them (`optOut` names the host's flag or setting). Said
 * wherever the entries are (the CLI prints its diff before it, the editor's dialog lists them after it).
 * Empty when nothing was redacted.
 */
export function redactionNote(redactions: readonly EventRedaction[], optOut: string, max = 10): string {
  if (redactions.length === 0) return '';
  const values = redactions.reduce((n, r) => n + r.count, 0);
  const lines = describeRedactions(redactions);
  const shown = lines.slice(0, max).map((l) => `  ${l}`);
  if (lines.length > max) shown.push(`  … and ${lines.length - max} more`);
  return [
    `Redacted ${values} secret or personal value${values === 1 ? '' : 's'} in ${redactions.length} imported event${redactions.length === 1 ? '' : 's'} (shown as [redacted: …] in the entries):`,
    ...shown,
    `To import them as exported, ${optOut}.`,
  ].join('\n') + '\n';
}

/**
 * The grammar of one action item's text (a GFM task-list line after `- [ ] `):
 *
 *   Add pool saturation alert @bob due:2026-12-04 P1 impact:high effort:low OPS-123
 *
 * Tokens may appear in any order; what is left is the description. Each token keeps its character
 * span (relative to the text given to `parseActionText`) so fixes and the mark-done command edit
 * exactly that token. A ticket is a key (`OPS-123`), a URL, a link to either, or a GitHub `#123`.
 */
export type Level = 'low' | 'medium' | 'high';

export interface Token<T> {
  readonly value: T;
  readonly start: number;
  readonly end: number;
}

export interface ParsedActionText {
  readonly description: string;
  readonly owner?: Token<string>;
  readonly due?: Token<string>;
  /** `due:` written but not a valid YYYY-MM-DD date. */
  readonly badDue?: Token<string>;
  readonly done?: Token<string>;
  readonly priority?: Token<'P1' | 'P2' | 'P3' | 'P4'>;
  readonly impact?: Token<Level>;
  readonly effort?: Token<Level>;
  readonly ticket?: Token<string>;
}

// Owners may be written in any script (`@王伟`, `@zoë`), hence the `u` flag and \p{L}.
const TOKEN =
  /(?<=^|[\s(])(?:@([\p{L}\p{N}_][\p{L}\p{N}_.-]*[\p{L}\p{N}_]|[\p{L}\p{N}_])|due:(\S+)|done:(\S+)|\b(P[1-4])\b|impact:(low|medium|high)\b|effort:(low|medium|high)\b|\[([A-Z][A-Z0-9]+-\d+)\]\([^)\s]+\)|\b([A-Z][A-Z0-9]+-\d+)\b|(https?:\/\/[^\s)>\]]+)|#(\d+)\b)/gu;

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function parseActionText(text: string): ParsedActionText {
  const result: { -readonly [K in keyof ParsedActionText]: ParsedActionText[K] } = { description: '' };
  const spans: [number, number][] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const take = () => spans.push([start, end]);
    if (m[1] !== undefined && !result.owner) {
      result.owner = { value: m[1], start, end };
      take();
    } else if (m[2] !== undefined) {
      const value = m[2].replace(/[.,;]$/, '');
      if (isIsoDate(value) && !result.due) result.due = { value, start, end: start + 4 + value.length };
      else if (!result.badDue) result.badDue = { value, start, end };
      take();
    } else if (m[3] !== undefined && isIsoDate(m[3].replace(/[.,;]$/, ''))) {
      result.done = { value: m[3].replace(/[.,;]$/, ''), start, end };
      take();
    } else if (m[4] !== undefined && !result.priority) {
      result.priority = { value: m[4] as 'P1', start, end };
      take();
    } else if (m[5] !== undefined) {
      result.impact = { value: m[5] as Level, start, end };
      take();
    } else if (m[6] !== undefined) {
      result.effort = { value: m[6] as Level, start, end };
      take();
    } else if ((m[7] ?? m[8] ?? m[9] ?? m[10]) !== undefined && !result.ticket) {
      // A link `[OPS-1](url)` keeps its URL as the ticket so "open ticket" can follow it.
      // `#123` is a GitHub issue of the same repository.
      const url = m[7] !== undefined ? /\(([^)\s]+)\)/.exec(m[0])?.[1] : undefined;
      result.ticket = { value: url ?? m[8] ?? m[9] ?? `#${m[10]}`, start, end };
      take();
    }
  }
  let description = '';
  let at = 0;
  for (const [s, e] of spans) {
    description += text.slice(at, s);
    at = e;
  }
  description += text.slice(at);
  result.description = description.replace(/\s+/g, ' ').replace(/\s+([,.;])/g, '$1').trim();
  return result;
}

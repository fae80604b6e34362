import { isIsoDate } from '../../actions/itemGrammar';
import type { Fix, FixInput } from '../../types';

/** Where the chosen value goes in a choice fix's edits (only ever in text the fix itself writes). */
export const CHOICE_PLACEHOLDER = '${choice}';

/** An owner handle as the action-item grammar reads it after `@` (any script; `.`/`-` inside). */
const HANDLE = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]{0,98}[\p{L}\p{N}_])?$/u;

/**
 * The person's value, cleaned (`@dana` → `dana`, spaces trimmed), or a message saying what is
 * expected. Hosts call it while the person types, so an invalid value is never written.
 */
export function checkFixInput(kind: FixInput['kind'], value: string): { value: string } | { problem: string } {
  const v = value.trim();
  if (kind === 'owner') {
    const handle = v.replace(/^@/, '');
    return HANDLE.test(handle) ? { value: handle } : { problem: 'Expected a handle like dana or @dana (letters, digits, _ . -; no spaces)' };
  }
  return isIsoDate(v) ? { value: v } : { problem: 'Expected a date as YYYY-MM-DD, like 2026-12-10' };
}

/** The fix with the chosen value written in (no `input` any more), or a problem with the value. */
export function applyFixInput(fix: Fix, value: string): { fix: Fix } | { problem: string } {
  if (!fix.input) return { fix };
  const checked = checkFixInput(fix.input.kind, value);
  if ('problem' in checked) return checked;
  const edits = fix.edits.map((e) => ({ range: e.range, newText: e.newText.split(fix.input!.placeholder).join(checked.value) }));
  return { fix: { title: fix.title, edits } };
}

/** Up to `max` distinct non-empty values, in order. */
export function distinctChoices(values: readonly (string | undefined)[], max = 20): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (out.length >= max) break;
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

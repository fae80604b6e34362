import { isIsoDate } from '../../actions/itemGrammar';
import { dayProblem } from '../../time/dayProblem';
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
  if (isIsoDate(v)) return { value: v };
  // `2027-02-30` has the shape: say why it is not a date ("February 2027 has 28 days"), not the shape again.
  const day = dayProblem(v);
  return { problem: day ? `Expected a real date: ${v} does not exist (${day})` : 'Expected a date as YYYY-MM-DD, like 2026-12-10' };
}

/**
 * A word on a due date that is valid but already past (the item is overdue the moment it is
 * written), or undefined: shown while the person types, not a refusal (moving a due date to
 * yesterday can be deliberate). `today` is the writer's date, YYYY-MM-DD.
 */
export function pastDueNote(value: string, today: string): string | undefined {
  const v = value.trim();
  if (!isIsoDate(v) || v >= today) return undefined;
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${v}T00:00:00Z`)) / 86_400_000);
  return `${v} is ${days === 1 ? 'yesterday' : `${days} days ago`} (today is ${today}): the item will be overdue as soon as it is written`;
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

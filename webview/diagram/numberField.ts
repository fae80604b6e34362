import { commitField, type CommitFieldOptions } from './commitField';

export { COMMIT_EVENT } from './commitField';

/**
 * Reads a typed number the way a person writes it: digits with an optional decimal point (or a
 * decimal comma) and an optional exponent ("0.5", ".5", "0,5", "2e-3"). Anything else, including a
 * half-typed "1e" or "1.2.3", is undefined: the caller refuses it instead of guessing.
 */
export function parseDecimal(raw: string): number | undefined {
  let text = raw.trim();
  if (!text.includes('.') && (text.match(/,/g) ?? []).length === 1) text = text.replace(',', '.');
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A text field for a number (type="text" with a decimal keypad): a number input reports "" for
 * half-typed values like "1." and commits on its own, so a probability could be written as
 * something other than what was typed. It commits as every details field does (commitField).
 */
export function numberField(o: CommitFieldOptions): HTMLElement {
  return commitField(o, 'number');
}

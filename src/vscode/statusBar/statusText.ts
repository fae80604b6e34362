// No `vscode` import: the status bar's wording is unit-tested under plain Node.
import { schemaNodeAt } from '../../core/schema/validator';

/** What the status bar shows for one front-matter field, and why it is marked when it is not valid. */
export interface FieldLabel {
  /** `SEV2`, `SEV9?` (not one of the schema's values), or the placeholder when the field is unset. */
  readonly text: string;
  /** Set only for an invalid value: `severity "SEV9" is not one of SEV1–SEV4`. */
  readonly problem?: string;
}

/** Longest value shown as is in the status bar; longer (invalid) values are cut so the item stays small. */
const MAX_SHOWN = 24;

/**
 * Labels an enum field of the front matter (`severity`, `status`) against the schema's allowed
 * values, so an invalid value is never shown as if it were valid ("SEV9 · no status").
 */
export function enumFieldLabel(field: 'severity' | 'status', value: string | undefined, unset: string): FieldLabel {
  if (value === undefined) return { text: unset };
  const allowed = (schemaNodeAt([field])?.enum ?? []).filter((v): v is string => typeof v === 'string');
  if (allowed.length === 0 || allowed.includes(value)) return { text: value };
  const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value;
  return { text: `${shown}?`, problem: `${field} "${value}" is not one of ${describeAllowed(allowed)}` };
}

/** `SEV1–SEV4` for a numbered run, otherwise `draft, in-review, published`. */
export function describeAllowed(values: readonly string[]): string {
  const numbered = values.map((v) => /^(\D*)(\d+)$/.exec(v));
  const prefix = numbered[0]?.[1];
  const isRun = values.length > 2 && numbered.every((m, i) => m && m[1] === prefix && Number(m[2]) === Number(numbered[0]![2]) + i);
  return isRun ? `${values[0]}–${values[values.length - 1]}` : values.join(', ');
}

import { formatProbability } from './visible';

export type ProbabilityRead =
  | { readonly value: number; /** Set when the text was not already the plain number: "20% read as 0.2". */ readonly readAs?: string }
  | { readonly error: string };

const NUMBER = /^[-+]?(\d{1,30}([.,]\d{0,30})?|[.,]\d{1,30})([eE][-+]?\d{1,4})?$/;

/**
 * A percentage as a fraction without binary noise: 1.1 / 100 is 0.011000000000000001 in floating
 * point, which would be written into the document and shown as "1.1% read as 0.011000000000000001".
 * Fifteen significant digits is what a double holds exactly, so the result is the decimal typed.
 */
export function fromPercent(percent: number): number {
  return Number((percent / 100).toPrecision(15));
}

/**
 * A probability as people type it: a decimal (`0.05`, `.05`, `0,05`), an exponent (`1e-4`, `2E-3`)
 * or a percentage (`20%`, `0.5 %`). The result says what a text that is not the plain number was
 * read as, so a field can show "20% read as 0.2" instead of silently changing what was typed.
 */
export function parseProbability(text: string): ProbabilityRead {
  const typed = text.trim();
  const percent = typed.endsWith('%');
  const body = (percent ? typed.slice(0, -1) : typed).trim();
  if (!NUMBER.test(body)) {
    return { error: `Expected a probability from 0 to 1, like 0.05, 1e-4 or 20%; found "${typed}".` };
  }
  // `1,000` is one thousand in Boston and 1.000 in Berlin: a comma before three digits after a whole
  // number is refused, as the Impact table's reader refuses `1.200` (trial13b F12). `0,125` and `0,5` are decimal commas.
  if (/^[-+]?[1-9]\d{0,2},\d{3}$/.test(body)) {
    return { error: `Expected a probability from 0 to 1; found "${typed}": is its comma a thousands separator (${body.replace(',', '')}) or a decimal comma (${Number(body.replace(',', '.'))})? Write the number with a decimal point.` };
  }
  const number = Number(body.replace(',', '.'));
  const value = percent ? fromPercent(number) : number;
  if (!(value >= 0 && value <= 1)) {
    return { error: `Expected a probability from 0 to 1 (0% to 100%); found ${typed}${percent ? ` (${formatProbability(value)})` : ''}.` };
  }
  const plain = formatProbability(value);
  return plain === typed ? { value } : { value, readAs: `${typed} read as ${plain}` };
}

/**
 * "a", "a and b", "a, b and c" (or `or`): a list said in a sentence. Messages build such lists in
 * many places; one spelling, so they read the same everywhere.
 */
export function listInWords(items: readonly (string | number)[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.length ? String(items[0]) : '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

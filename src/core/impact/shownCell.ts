/** Longer than any number with its unit: prose, which the Impact section's text is for. */
export const MAX_CELL = 60;

/** An Impact-table cell or label quoted in a message, cut when it is prose (the diagnostic's range shows it whole). */
export function shownCell(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

/** "1 entry", "3 entries" (`kind`: "timeline "): the import's counts as a person reads them. */
export function entries(n: number, kind = ''): string {
  return `${n} ${kind}${n === 1 ? 'entry' : 'entries'}`;
}

/** The import dialog's button: "Insert 1 Entry", "Insert 3 Entries" (trial18b F4: "Insert 1 Entries"). */
export function insertLabel(n: number): string {
  return `Insert ${n} ${n === 1 ? 'Entry' : 'Entries'}`;
}

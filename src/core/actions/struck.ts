/**
 * True when an item's whole description is struck out (`~~…~~`, or GFM's single `~…~`), not a word
 * of it: a team's way to drop an item. The checkbox still decides whether it is open
 * (actions/struck-out says so; `postmortem actions`, the sidebar and the metrics mark it).
 */
export function isStruckOut(description: string): boolean {
  for (const mark of ['~~', '~']) {
    if (description.length > mark.length * 2 && description.startsWith(mark) && description.endsWith(mark)) {
      // `~~a~~ kept ~~b~~` is partly struck: the inside holds no further tilde.
      return !description.slice(mark.length, -mark.length).includes('~');
    }
  }
  return false;
}

/**
 * Whether an action item is struck out, decided once by the readers that make items (the parser's
 * actions/extract.ts and the summary's index/actionLines.ts) and read by every consumer from the
 * item's `struck` field: lint's actions/struck-out, `postmortem actions`, the sidebar, the metrics.
 * Struck when the task line's own words are (`- [ ] ~~Add alert~~` with a plain note such as
 * "owner @a, due 2026-12-20" on the next line) or the whole description is (a strike that spans
 * the continuation lines). `lineDescription` is the task line's description without them.
 */
export function isStruckItem(lineDescription: string, description: string): boolean {
  return isStruckOut(lineDescription) || (description !== lineDescription && isStruckOut(description));
}

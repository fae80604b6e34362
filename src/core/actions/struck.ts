/**
 * True when an item's whole description is struck out (`~~…~~`, or GFM's single `~…~`), not a word
 * of it: a team's way to drop an item. The checkbox still decides whether it is open
 * (actions/struck-out says so; `postmortem actions` marks it).
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

/**
 * How a long label is shortened for a drawing (never for the Markdown): cut to a few lines with
 * "…", and long words (a URL, a stack trace) set apart in pieces a renderer can wrap. The fishbone
 * and the fault tree cut alike, so a label looks the same length in both kinds of diagram.
 */

/** Characters a drawn label keeps, "…" included: about four lines of a fishbone cause. */
export const MAX_DRAWN_LABEL = 60;

/** `label` cut to `max` characters at a space when one is near the end, else inside the word, with "…". */
export function cutLabel(label: string, max: number): string {
  const chars = [...label];
  if (chars.length <= max) return label;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > head.length * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** Words longer than `width` split into pieces of `width` characters, set apart by spaces. */
export function breakLongWords(label: string, width: number): string {
  return label.split(' ').map((word) => {
    const chars = [...word];
    if (chars.length <= width) return word;
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += width) pieces.push(chars.slice(i, i + width).join(''));
    return pieces.join(' ');
  }).join(' ');
}

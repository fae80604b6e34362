/**
 * What a diagram label typed or pasted into the editor keeps. A name copied from a coloured terminal
 * brings ESC colour sequences (`ESC[31m`), a BEL, sometimes a NUL: invisible in the field, written raw
 * into the Markdown they garble diffs, and one NUL makes the whole post-mortem unreadable (`file/nul`:
 * every action item drops out; trial13b F11). Both diagram editors (fishbone and fault tree) take every
 * label through this one rule: control characters are removed — a terminal's escape sequence whole,
 * not just its ESC — tabs become spaces, and the caller says how many were removed.
 */

export interface CleanedLabel {
  readonly label: string;
  /** Control characters (an escape sequence counts as one) that were removed. */
  readonly removed: number;
}

/** C0 controls (tab, line feed and carriage return aside: whitespace), DEL and the C1 controls. */
export function isControlCharacter(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

const ESC = 0x1b;

/**
 * The length of the escape sequence starting with the ESC at `i`: CSI (`ESC [` parameters,
 * intermediates, one final byte), OSC (`ESC ]` … up to BEL or `ESC \`), or ESC and one character.
 * A scan with a fixed bound per sequence, so a pasted wall of escapes costs linear time.
 */
function escapeLength(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  if (next === 0x5b) {
    let k = i + 2;
    while (k < text.length && k - i < 64 && text.charCodeAt(k) >= 0x20 && text.charCodeAt(k) <= 0x3f) k++;
    const final = text.charCodeAt(k);
    return final >= 0x40 && final <= 0x7e ? k - i + 1 : 1;
  }
  if (next === 0x5d) {
    let k = i + 2;
    while (k < text.length && k - i < 512) {
      const c = text.charCodeAt(k);
      if (c === 0x07) return k - i + 1;
      if (c === ESC && text.charCodeAt(k + 1) === 0x5c) return k - i + 2;
      k++;
    }
    return 1;
  }
  return next >= 0x40 && next <= 0x5f ? 2 : 1;
}

/** `text` without control characters (escape sequences whole) and with tabs as spaces. */
export function cleanLabelInput(text: string): CleanedLabel {
  let label = '';
  let removed = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x09) {
      label += ' ';
    } else if (code === ESC) {
      removed += 1;
      i += escapeLength(text, i) - 1;
    } else if (isControlCharacter(code)) {
      removed += 1;
    } else {
      label += text[i];
    }
  }
  return { label, removed };
}

/** The note shown beside a label from which control characters were removed. */
export function removedControlNote(removed: number): string {
  return `Removed ${removed} control character${removed === 1 ? '' : 's'} from the name (a terminal's colour codes, NUL or bell, as pasted): they are invisible, and a NUL would make the post-mortem unreadable.`;
}

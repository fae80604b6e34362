/**
 * An action item's description as a label: the words without their inline Markdown. The Action Items
 * view, `postmortem actions` and the metrics (dashboard, text report) show descriptions as plain text,
 * where `**Strike team formation**: Engi…` showed its asterisks (trial T7). Only the display loses
 * the markup: the file, the JSON output and every write keep the text as written.
 *
 * What goes: emphasis and strong emphasis (`*`, `_`, `**`, `__`), strikethrough (`~~`) when the
 * markers pair up as Markdown pairs them (an opener before a word, a closer after one; `_` not inside
 * a word, so `snake_case_name` stays); the backticks of a code span (its text kept as written, markers
 * and all); link and image syntax (`[text](url)` and `![alt](url)` show the text; `<https://…>` the
 * address); the backslash of an escaped punctuation mark. Everything else is kept, unpaired markers
 * too (`5* rating`).
 *
 * Linear in the text: single passes, a stack of open markers, and one regular expression whose
 * classes stop at the next bracket or parenthesis.
 */
export function plainLabel(text: string): string {
  // Cheap exit for the usual label with no markup at all.
  if (!/[*_~`[\\<]/.test(text)) return text;
  const n = text.length;
  const drop = new Uint8Array(n);
  // The text the later passes read: code spans, escaped characters and link targets masked as
  // letters, so a `*` inside them is never a marker (and their length stays, positions with it).
  const masked = text.split('');

  // Escapes first: `\*` is a star, not a marker.
  for (let i = 0; i < n - 1; i++) {
    if (text[i] === '\\' && ASCII_PUNCTUATION.includes(text[i + 1]!)) {
      drop[i] = 1;
      masked[i] = 'x';
      masked[i + 1] = 'x';
      i++;
    }
  }

  // Code spans: a run of backticks closed by the next run of the same length.
  const runs: { at: number; length: number }[] = [];
  for (let i = 0; i < n; ) {
    if (masked[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (j < n && masked[j] === '`') j++;
    runs.push({ at: i, length: j - i });
    i = j;
  }
  // For each run, the next run of the same length (one pass from the end).
  const nextSame = new Array<number>(runs.length).fill(-1);
  const lastByLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    nextSame[r] = lastByLength.get(runs[r]!.length) ?? -1;
    lastByLength.set(runs[r]!.length, r);
  }
  for (let r = 0; r < runs.length; ) {
    const close = nextSame[r]!;
    if (close < 0) {
      r++;
      continue;
    }
    const open = runs[r]!;
    const end = runs[close]!;
    for (let i = open.at; i < open.at + open.length; i++) drop[i] = 1;
    for (let i = end.at; i < end.at + end.length; i++) drop[i] = 1;
    for (let i = open.at; i < end.at + end.length; i++) masked[i] = 'x';
    // A code span's content is literal: undo the escapes read inside it.
    for (let i = open.at + open.length; i < end.at; i++) drop[i] = 0;
    // CommonMark strips one space on each side when both are there (`` ` `x` ` ``).
    if (end.at - (open.at + open.length) >= 2 && text[open.at + open.length] === ' ' && text[end.at - 1] === ' ') {
      drop[open.at + open.length] = 1;
      drop[end.at - 1] = 1;
    }
    r = close + 1;
  }

  // Links and images: show the text (or alt), drop the brackets and the target.
  const maskedText = masked.join('');
  LINK.lastIndex = 0;
  for (let m = LINK.exec(maskedText); m; m = LINK.exec(maskedText)) {
    const start = m.index;
    const textStart = start + (maskedText[start] === '!' ? 2 : 1);
    const textEnd = textStart + m[1]!.length;
    for (let i = start; i < textStart; i++) drop[i] = 1;
    for (let i = textEnd; i < start + m[0].length; i++) {
      drop[i] = 1;
      masked[i] = 'x';
    }
  }
  AUTOLINK.lastIndex = 0;
  for (let m = AUTOLINK.exec(maskedText); m; m = AUTOLINK.exec(maskedText)) {
    drop[m.index] = 1;
    drop[m.index + m[0].length - 1] = 1;
    for (let i = m.index; i < m.index + m[0].length; i++) masked[i] = 'x';
  }

  // Emphasis: delimiter runs paired through one stack per marker character.
  const stacks: Record<string, { at: number; length: number }[]> = { '*': [], _: [], '~': [] };
  for (let i = 0; i < n; ) {
    const c = masked[i]!;
    if (c !== '*' && c !== '_' && c !== '~') {
      i++;
      continue;
    }
    let j = i;
    while (j < n && masked[j] === c) j++;
    const before = i > 0 ? masked[i - 1]! : ' ';
    const after = j < n ? masked[j]! : ' ';
    const leftFlanking = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
    const rightFlanking = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
    // `_` inside a word is a letter (snake_case); `~` only as `~~` or `~` pairs, as GitHub reads it.
    const canOpen = c === '_' ? leftFlanking && (!rightFlanking || isPunctuation(before)) : leftFlanking;
    const canClose = c === '_' ? rightFlanking && (!leftFlanking || isPunctuation(after)) : rightFlanking;
    const stack = stacks[c]!;
    let length = j - i;
    // A closer takes from the nearest openers until it is used up (`*a **b*** c`: `**` then `*`).
    // Each round empties the closer or pops an opener, so the rounds are bounded by the pushes.
    while (length && canClose && stack.length && !(c === '~' && stack[stack.length - 1]!.length !== length)) {
      const open = stack.pop()!;
      const used = Math.min(open.length, length);
      for (let k = open.at + open.length - used; k < open.at + open.length; k++) drop[k] = 1;
      for (let k = j - length; k < j - length + used; k++) drop[k] = 1;
      length -= used;
      // What the opener had left stays open for an outer closer (`***a* b**`).
      if (open.length > used) stack.push({ at: open.at, length: open.length - used });
    }
    if (length && canOpen && !(c === '~' && length > 2)) stack.push({ at: j - length, length });

    i = j;
  }

  let out = '';
  let from = 0;
  for (let i = 0; i < n; i++) {
    if (!drop[i]) continue;
    out += text.slice(from, i);
    from = i + 1;
  }
  return out + text.slice(from);
}

const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** `[text](target)` or `![alt](target)`: no bracket in the text, no parenthesis or space in the target. */
const LINK = /!?\[([^[\]]*)\]\([^()\s]*\)/g;
/** `<https://…>` (the scheme and no space or `<>` inside). */
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>/g;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
}

function isPunctuation(c: string): boolean {
  return ASCII_PUNCTUATION.includes(c) || /\p{P}|\p{S}/u.test(c);
}

/**
 * Full-width digits and time punctuation as ASCII: a Japanese or Chinese input method writes
 * `９時０５分`, `９：３０`, `２０２６年１２月５日` (trial14a F16: such entries were skipped without a word).
 * One character for one, so every position in the result is the same position in the original
 * (a stamp read in the result is sliced from the original as written).
 */
export function asciiDigits(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ascii = c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xff10 + 0x30)
      : c === 0xff1a ? ':'
        : c === 0xff0e ? '.'
          : c === 0xff0d ? '-'
            : c === 0x3000 ? ' '
              : undefined;
    if (ascii === undefined) continue;
    out += text.slice(from, i) + ascii;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

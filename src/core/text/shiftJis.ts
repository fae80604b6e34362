/**
 * Whether bytes that are not UTF-8 are valid Shift-JIS (what Japanese Windows and Excel write): only
 * to name the likely encoding in a refusal, never to decode with. Valid, and holding a two-byte character. Many Shift-JIS bytes are valid
 * Windows-1252 too (遅延 in Shift-JIS is `’x‰„` in Windows-1252), so a file that reads as both is
 * named as both, not guessed. False where the platform has no such decoder.
 */
export function isShiftJis(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Japanese words are runs of two-byte characters (kanji, kana, full-width forms): most of them
  // stand next to another. Windows-1252 text is valid Shift-JIS a third of the time (`é` then a
  // letter is a kanji), but as lone characters between Latin letters, and its rare pairs sit inside
  // a Latin word (`Jérôme` is J, two kanji, e): such a run does not count. Bytes above ASCII that
  // are all half-width katakana (0xA1-0xDF) are what damaged UTF-8 looks like too (`é` is 0xC3
  // 0xA9), and count for nothing.
  let twoByte = 0;
  let inRuns = 0;
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isTwoByte(text.charCodeAt(i))) {
      run++;
      twoByte++;
      continue;
    }
    if (run >= 2 && !(isAsciiLetter(text.charCodeAt(i - run - 1)) && isAsciiLetter(text.charCodeAt(i)))) inRuns += run;
    run = 0;
  }
  return inRuns >= 2 && inRuns * 2 >= twoByte;
}

/** A character Shift-JIS writes in two bytes: not ASCII (nor the single byte 0x80) and not half-width katakana. */
function isTwoByte(c: number): boolean {
  return c > 0x80 && !(c >= 0xff61 && c <= 0xff9f);
}

/** NaN (outside the text) is no letter. */
function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

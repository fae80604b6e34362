import { LineIndex } from '../../../src/core/text/lineIndex';
import type { Range } from '../../../src/core/types';

/** Throws with a description when a range falls outside the text or runs backwards. */
export function assertRangeInside(text: string, range: Range, what: string): void {
  const lines = new LineIndex(text);
  const check = (p: Range['start'], which: string) => {
    if (!Number.isInteger(p.line) || p.line < 0 || p.line >= lines.lineCount) {
      throw new Error(`${what}: ${which} line ${p.line} outside 0..${lines.lineCount - 1}`);
    }
    const length = lines.lineText(p.line).length;
    if (!Number.isInteger(p.character) || p.character < 0 || p.character > length) {
      throw new Error(`${what}: ${which} character ${p.character} outside 0..${length} on line ${p.line}`);
    }
  };
  check(range.start, 'start');
  check(range.end, 'end');
  if (range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character)) {
    throw new Error(`${what}: range ends before it starts ${JSON.stringify(range)}`);
  }
}

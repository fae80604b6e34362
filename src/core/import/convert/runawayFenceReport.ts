import { OPEN_BLOCK_KINDS } from '../../document/openBlock';
import { fenceInMessage } from '../../text/fenceInMessage';
import type { Range } from '../../types';
import type { ConvertLog, ConvertResult } from './model';
import type { ClosedFence } from './runawayFence';

/**
 * A fence closed by the converter, said twice: on the terminal (a warning, so the conversion is not
 * "complete", when where it ends was a guess or it still holds entries or items), and in the
 * converted file, where the closing fence would otherwise look as if the writer had put it there.
 */
export function sayClosedFence(c: ClosedFence, log: ConvertLog): void {
  const kind = OPEN_BLOCK_KINDS[c.kind];
  const where = c.beforeText !== undefined ? `before line ${c.before + 1} ("${c.beforeText}")` : 'at the end of the file';
  const still = c.keepsItems ? `; lines inside it that look like timeline entries or action items stay ${kind.reads}` : '';
  const guessed = c.beforeText !== undefined || c.keepsItems;
  // A runaway fence by its length past ten characters, as lint names it (trial19b F8).
  const opener = c.kind === 'code block' ? fenceInMessage(c.opener) : c.opener;
  const closer = c.kind === 'code block' ? fenceInMessage(c.fence) : c.fence;
  const opened = `${c.kind} opened here${kind.namesOpener ? ` (${opener})` : ''}`;
  if (c.hidLines === 0) {
    // Nothing of the original after it, but everything the converter writes after it would be hidden.
    log.flag(kind.code, c.openLine, `Expected a closing ${closer} for the ${opened}, found none: it is the last thing in the original; the converted file closes it, so the sections written after it are not ${kind.reads}`, 'info');
    return;
  }
  const check = `check where the ${kind.holds} ends`;
  log.flag(kind.code, c.openLine,
    `Expected a closing ${closer} for the ${opened}, found none: as written, everything after line ${c.openLine + 1} (${c.hid}) is ${kind.reads}, in GitHub too. The converted file closes it ${where}, so what follows is read as the post-mortem${still}${guessed ? ` — ${check}` : ''}`,
    guessed ? 'warning' : 'info');
  log.inFile.push(`the ${c.kind} opened on line ${c.openLine + 1} of the original (${opener}) was never closed; it was closed ${where}${guessed ? `: ${check}` : ''}.`);
}

/**
 * The converter's line numbers, which count the closing fences it inserted, mapped back to the
 * original's lines (a line inserted before line N maps to N). `inserted`: ascending indexes in the
 * converted-from text.
 */
export function withOriginalLines(result: ConvertResult, inserted: readonly number[]): ConvertResult {
  const line = (l: number): number => {
    let before = 0;
    while (before < inserted.length && inserted[before] < l) before++;
    return l - before;
  };
  const range = (r: Range): Range => ({ start: { ...r.start, line: line(r.start.line) }, end: { ...r.end, line: line(r.end.line) } });
  return {
    ...result,
    diagnostics: result.diagnostics.map((d) => ({ ...d, range: range(d.range) })),
    notes: result.notes.map((n) => ({ ...n, line: line(n.line) })),
    report: {
      ...result.report,
      unread: result.report.unread.map((u) => ({ ...u, line: line(u.line) })),
      proseTimes: result.report.proseTimes.map((t) => ({ ...t, line: line(t.line) })),
    },
  };
}

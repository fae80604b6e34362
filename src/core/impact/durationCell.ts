import { numberShape, numberToken } from './numberShape';
import type { CellReading } from './impactCell';
import { shownCell } from './shownCell';

/** Minutes per unit, by the unit's first letter (`d`, `h`, `m`, `s`). */
const MINUTES: Record<string, number> = { d: 1440, h: 60, m: 1, s: 1 / 60 };
/** Larger units first: `2h 30m` is read, `30m 2h` and `1h 1h` are not (a slip, not a sum to guess). */
const RANK: Record<string, number> = { d: 4, h: 3, m: 2, s: 1 };

/**
 * A unit right after a number; longest spellings first, and no letter may follow (`2 months`). An
 * abbreviation may end with a dot (`30 min.`, `2 hrs.`).
 */
const UNIT = /^\s*(days?|d|hours?|hrs?|hr|h|minutes?|mins?|min|m|seconds?|secs?|sec|s)(?![\p{L}])\.?\s*(?:,\s*|and\s+)?/iu;

/**
 * The unit a Downtime label gives its bare numbers: a unit word standing alone after `(`, `[`, `,`,
 * `/` or "in" (`Downtime (hours)`, `Downtime [s]`, `Downtime in minutes`). A unit word inside other
 * words is not one: `Downtime (business hours)` does not make `90` ninety hours. One optional run of
 * spaces on each side of the word: linear.
 */
const LABEL_UNIT = /(?:[([,/]|\bin\b)\s*(days?|d|hours?|hrs?|hr|h|minutes?|mins?|min|m|seconds?|secs?|sec|s|ms|milliseconds?|weeks?|wks?|w|months?)\s*(?:[)\],]|$)/i;
/**
 * A label that opens with a unit word, "Minutes of downtime", "Hours down", GitLab's "Minutes
 * downtime or degradation"; or names it right after "downtime", "Downtime minutes". Whole words
 * only, anchored: linear, and "Downtime during peak hours" still names no unit.
 */
const LABEL_UNIT_WORD = /^\s*(days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|weeks?|months?)\s/i;
const LABEL_UNIT_AFTER = /\bdowntime\s(days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|weeks?|months?)\s*$/i;

/** The unit a Downtime label gives its bare numbers, lower case; undefined when it names none. */
function labelUnit(label: string): string | undefined {
  return (LABEL_UNIT.exec(label) ?? LABEL_UNIT_WORD.exec(label) ?? LABEL_UNIT_AFTER.exec(label))?.[1].toLowerCase();
}

function minutesOf(n: number): number {
  return Math.round(n * 100) / 100;
}

const MORE = 'more than a number of minutes; write the minutes alone, e.g. 90, and the rest in the Impact prose';

/**
 * A Downtime cell in minutes: `47`, `47 min`, `1.5 h`, `2h 30m`, `2 hours 30 minutes`, `2h30`,
 * `1 day 2 h`. A number without a unit takes the label's (`Downtime (hours)`, `Downtime (s)`), else
 * minutes — said in a note unless the label names minutes. `1:30` (hours or minutes first?) is not read.
 */
export function readDurationCell(label: string, text: string): CellReading {
  if (/^\d{1,2}:\d{2}(?::\d{2})?$/.test(text)) {
    return { kind: 'unread', reason: 'hours and minutes, or minutes and seconds? Write the minutes, e.g. 90 min' };
  }
  if (!/^\d/.test(text)) return { kind: 'unread', reason: MORE };
  const notes: string[] = [];
  let total = 0;
  let pos = 0;
  let lastUnit = '';
  let parts = 0;
  // Bounded: each pass consumes at least one digit.
  while (pos < text.length && /\d/.test(text[pos])) {
    const token = numberToken(text, pos);
    const shape = numberShape(token);
    if ('reason' in shape) return { kind: 'unread', reason: shape.reason };
    if (shape.note) notes.push(shape.note);
    const unit = UNIT.exec(text.slice(pos + token.length));
    if (!unit) {
      // `2h30`: minutes after hours. A lone number: the label's unit, else minutes.
      if (parts > 0 && lastUnit === 'h' && pos + token.length === text.length) return done(total + shape.value, notes);
      if (parts > 0 || pos + token.length !== text.length) break;
      return bareNumber(label, shape.value, notes);
    }
    const u = unit[1][0].toLowerCase();
    if (lastUnit && RANK[u] >= RANK[lastUnit]) return { kind: 'unread', reason: 'units repeated or out of order; write the minutes, e.g. 90' };
    lastUnit = u;
    total += shape.value * MINUTES[u];
    parts++;
    pos += token.length + unit[0].length;
  }
  if (parts > 0 && pos === text.length) return done(total, notes);
  if (/%/.test(text)) return { kind: 'unread', reason: 'a share, not a duration; write the minutes of downtime' };
  return { kind: 'unread', reason: MORE };
}

/** A number with no unit in the cell: the label's unit, else minutes (a guess, said). */
function bareNumber(label: string, value: number, notes: string[]): CellReading {
  const word = labelUnit(label);
  if (word === undefined) return done(value, [...notes, 'no unit written: read as minutes']);
  if (word === 'ms' || word.startsWith('milli') || word.startsWith('w') || word.startsWith('mo')) {
    return { kind: 'unread', reason: `counted in ${word} (the label is "${shownCell(label)}"); write the minutes, e.g. 90` };
  }
  return done(value * MINUTES[word[0]], notes);
}

function done(minutes: number, notes: string[]): CellReading {
  return { kind: 'number', value: minutesOf(minutes), ...(notes.length ? { note: notes.join('; ') } : {}) };
}

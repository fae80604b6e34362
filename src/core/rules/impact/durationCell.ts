import { numberShape, numberToken } from './numberShape';
import type { CellReading } from './impactCell';

/** Minutes per unit, by the unit's first letter (`d`, `h`, `m`, `s`). */
const MINUTES: Record<string, number> = { d: 1440, h: 60, m: 1, s: 1 / 60 };

/** A unit right after a number; longest spellings first, and no letter may follow (`2 months`). */
const UNIT = /^\s*(days?|d|hours?|hrs?|hr|h|minutes?|mins?|min|m|seconds?|secs?|sec|s)(?![\p{L}])\s*(?:,\s*|and\s+)?/iu;

function minutesOf(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * A Downtime cell in minutes: `47`, `47 min`, `1.5 h`, `2h 30m`, `2 hours 30 minutes`, `2h30`,
 * `1 day 2 h`. A number without a unit takes the label's (`Downtime (hours)`), else minutes — said
 * in a note unless the label names minutes. `1:30` (hours or minutes first?) is not read.
 */
export function readDurationCell(label: string, text: string): CellReading {
  if (/^\d{1,2}:\d{2}(?::\d{2})?$/.test(text)) {
    return { kind: 'unread', reason: `\`${text}\`: hours and minutes, or minutes and seconds? write the minutes, e.g. 90 min` };
  }
  if (!/^\d/.test(text)) return { kind: 'unread', reason: `\`${text}\` is more than a number of minutes: write the minutes alone, e.g. 90, and the rest in the Impact prose` };
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
      const labelUnit = /\b(?:hours?|hrs?)\b|\(h\)/i.test(label) ? 'h' : /\bdays?\b/i.test(label) ? 'd' : /\bmin(?:ute)?s?\b|\(m\)/i.test(label) ? 'm' : undefined;
      if (!labelUnit) notes.push('no unit written: read as minutes');
      return done(shape.value * MINUTES[labelUnit ?? 'm'], notes);
    }
    lastUnit = unit[1][0].toLowerCase();
    total += shape.value * MINUTES[lastUnit];
    parts++;
    pos += token.length + unit[0].length;
  }
  if (parts > 0 && pos === text.length) return done(total, notes);
  if (/%/.test(text)) return { kind: 'unread', reason: `\`${text}\` is a share, not a duration: write the minutes of downtime` };
  return { kind: 'unread', reason: `\`${text}\` is more than a number of minutes: write the minutes alone, e.g. 90, and the rest in the Impact prose` };
}

function done(minutes: number, notes: string[]): CellReading {
  return { kind: 'number', value: minutesOf(minutes), ...(notes.length ? { note: notes.join('; ') } : {}) };
}

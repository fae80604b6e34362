import { readDurationCell } from './durationCell';
import { numberShape, numberToken } from './numberShape';
import { MAX_CELL, shownCell } from './shownCell';

/**
 * What one Impact-table cell says for a numeric key. `blank`: no number in it (empty, `n/a`,
 * `unknown`), nothing to read or report. `number`: the value, with a note when reading it took a
 * guess (a decimal comma, a unit not written). `unread`: why it is not read and how to write it —
 * copying an approximation, another currency or an ambiguous `1.200` would put a wrong number in
 * the front matter, and leaving it out without a word would hide it. The reason does not repeat the
 * cell: impact/unread-cell says "Expected …, found `cell`: reason".
 */
export type CellReading =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly value: number; readonly note?: string }
  | { readonly kind: 'unread'; readonly reason: string };

export type NumericImpactKey = 'users_affected' | 'downtime_minutes' | 'revenue_usd' | 'recovery_cost_usd';


const APPROXIMATE_START = /^(?:~|≈|∼|<|>|≤|≥|±|\+\/-|about\b|approx|around\b|roughly\b|circa\b|ca\.|est(?:\.|imated)?\b|up to\b|over\b|under\b|more than\b|less than\b|at least\b|at most\b|almost\b|nearly\b|some\b|several\b)/i;
const APPROXIMATE_END = /(?:\+|\?|\bor (?:so|more)|\bapprox\.?|\(est(?:imated|\.)?\))$/i;
/** `1-2k`, `$10k–20k`, `30 min – 1 h`, `10 to 20`. */
const RANGE = /\d\s*(?:[a-z]{1,8}\s*)?(?:-|–|—|\bto\b)\s*(?:[$€£]\s*)?\d/i;
/** `13:04–13:51`: when it happened, not how long. */
const CLOCK_SPAN = /\d:\d\d\s*(?:-|–|—|\bto\b)\s*\d{1,2}:\d\d/i;

/** Other currencies than the US dollar: symbols, ISO codes (upper case only: `TRY` is a word too), names, other countries' dollars. */
const CURRENCY_SYMBOL = /[€£¥₹₩₽₺₪₫₱฿₴₦]|zł|\b(?:A|AU|C|CA|NZ|HK|S|R|MX|NT)\$/;
const CURRENCY_CODE = /\b(?:EUR|GBP|JPY|CNY|RMB|INR|CAD|AUD|NZD|CHF|SEK|NOK|DKK|PLN|BRL|MXN|CZK|HUF|ZAR|SGD|HKD|KRW|RUB|TRY|ILS)\b/;
const CURRENCY_NAME = /\b(?:eur|euros?|pounds?|yen|yuan|zloty|rupees?|francs?|kronor|kroner|krona|rubles?|roubles?)\b/i;
function otherCurrency(text: string): boolean {
  return CURRENCY_SYMBOL.test(text) || CURRENCY_CODE.test(text) || CURRENCY_NAME.test(text);
}
const USD = /US\$|\$|\bUSD\b|\bUS dollars?\b|\bdollars?\b/gi;
/** The cell says it is US dollars (or dollars at all). */
const USD_MARK = /\$|\bUSD\b|\bdollars?\b/i;

/** `k`, `M`, `bn` after a number of users or dollars; `m` is a million there (not minutes). */
const SCALE = /^\s*(k|thousand|million|mio\.?|mm|mn|m|billion|bn|b)(?![\p{L}])/iu;
const SCALES: Record<string, number> = { k: 1e3, thousand: 1e3, million: 1e6, 'mio.': 1e6, mio: 1e6, mm: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9 };

/** Nouns a count of users may carry: `1,200 users`, `40 customers affected`. */
const PEOPLE = /^(?:users?|customers?|accounts?|people|persons?|visitors?|members?|subscribers?|clients?|merchants?|tenants?|orgs?|organi[sz]ations?|sellers?|buyers?|players?|devices?)(?:\s+affected)?$/i;
const TIME_UNIT = /^(?:days?|d|hours?|hrs?|h|minutes?|mins?|min|seconds?|secs?|s)(?![\p{L}])/iu;

/** What a key holds, for "Expected … for `impact.key`" and for the reasons' advice. */
export const WHAT: Record<NumericImpactKey, string> = {
  users_affected: 'a number of users',
  downtime_minutes: 'the minutes of downtime',
  revenue_usd: 'an amount in USD',
  recovery_cost_usd: 'an amount in USD',
};

/**
 * A label that makes its numbers a rate (`Revenue lost per hour`, `Users affected / min`): the
 * front matter takes a total. Alternatives of fixed words after one anchor: linear.
 */
const RATE_LABEL = /\bper (?:hour|hr|minute|min|day|second|sec|week|month)\b|\/\s?(?:h|hr|hour|min|minute|day|s|sec)\b/i;
/** A money label counting time (`Recovery cost (engineer hours)`, `(person-days)`): not dollars. */
const TIME_LABEL = /\b(?:hours?|hrs?|days?|weeks?|minutes?|mins?)\b/i;

function unread(reason: string): CellReading {
  return { kind: 'unread', reason };
}

/** The cell's value for `key` under the row label `label`. */
export function readImpactCell(key: NumericImpactKey, label: string, cell: string): CellReading {
  const text = cell.trim();
  if (!/\d/.test(text)) return { kind: 'blank' };
  const more = `more than a number; write ${WHAT[key]} alone in the cell, e.g. ${key === 'downtime_minutes' ? '90' : '1200'}, and the rest in the Impact prose`;
  if (text.length > MAX_CELL) return unread(more);
  if (key === 'downtime_minutes' && CLOCK_SPAN.test(text)) return unread('a span of clock times; write the minutes between them, e.g. 47');
  if (/^\d{4}-\d{1,2}-\d{1,2}\b/.test(text)) return unread(`a date, not ${WHAT[key]}`);
  if (RANGE.test(text)) return unread(`a range; write the one number to count alone, or fill \`impact.${key}\` by hand`);
  if (APPROXIMATE_START.test(text) || APPROXIMATE_END.test(text)) {
    return unread(`an approximation; write the number alone if it is the one counted, or fill \`impact.${key}\` by hand`);
  }
  if (/%|\bper ?cent\b/i.test(label)) return unread(`a share (the label is "${shownCell(label)}"); write ${WHAT[key]}`);
  if (RATE_LABEL.test(label)) return unread(`a rate (the label is "${shownCell(label)}"); write ${WHAT[key]} in total`);
  const isMoney = key === 'revenue_usd' || key === 'recovery_cost_usd';
  if (isMoney && otherCurrency(text)) return unread('another currency; convert it and write it in USD');
  if (isMoney && otherCurrency(label)) return unread(`the label "${shownCell(label)}" gives another currency; convert it and write it in USD`);
  if (isMoney && !USD_MARK.test(text) && TIME_LABEL.test(label)) return unread(`the label "${shownCell(label)}" counts time, not money; write ${WHAT[key]}`);
  if (!isMoney && (otherCurrency(text) || USD_MARK.test(text))) return unread(`an amount of money, not ${WHAT[key]}`);
  if (key !== 'downtime_minutes' && /\bthousands?\b|\bmillions?\b|\(\s*(?:k|mm?|bn)\s*\)|\bk\s*(?:usd|\$)|(?:usd|\$)\s*k\b|\bk\$/i.test(label)) {
    return unread(`counted in a unit the label gives ("${shownCell(label)}"); write the whole number in the cell, e.g. 12000 for 12 thousand`);
  }
  if (key === 'downtime_minutes') return readDurationCell(label, text);
  return readCount(key, isMoney ? text.replace(USD, ' ').trim() : text, more);
}

/** Users or dollars: a number, a scale (`k`, `M`), for users a noun. */
function readCount(key: NumericImpactKey, text: string, more: string): CellReading {
  const start = text.search(/\d/);
  if (start !== 0) return unread(more);
  const token = numberToken(text, 0);
  let rest = text.slice(token.length);
  const scale = SCALE.exec(rest);
  const shape = numberShape(token, !!scale);
  // `1.200 users`: not 1.2 users; still not read (a slip for 1,200 or 12,000 reads the same), but
  // the advice offers no fraction of a person.
  if ('reason' in shape && key === 'users_affected' && /^\d{1,3}\.\d{3}$/.test(token)) {
    return unread(`a dot between thousands? Users are counted whole: write ${token.replace('.', '')} if that is the count`);
  }
  if ('reason' in shape) return unread(shape.reason);
  let value = shape.value;
  let note = shape.note;
  if (scale) {
    value = Number((value * SCALES[scale[1].toLowerCase()]).toPrecision(15));
    rest = rest.slice(scale[0].length);
    // `1200 m`: 1,200 million is what it says, but a scale is written after a small number (1.2 m);
    // said, so the figure is checked before it is used (a guess is never applied unattended).
    if (shape.value >= 1000) note = `${note ? `${note}; ` : ""}read ${text.slice(0, token.length + scale[0].length).trim()} as ${value.toLocaleString('en-US')} (${scale[1]} after ${token}); if ${scale[1]} meant something else, write the number alone`;
  }
  rest = rest.trim();
  if (rest.startsWith('%')) return unread(`a share, not ${WHAT[key]}; write ${WHAT[key]}`);
  if (TIME_UNIT.test(rest)) return unread(`a duration, not ${WHAT[key]}`);
  if (rest && !(key === 'users_affected' && PEOPLE.test(rest))) return unread(more);
  if (key === 'users_affected' && !Number.isInteger(value)) return unread(`not a whole number of users; write the count, e.g. ${Math.round(value)}`);
  return { kind: 'number', value: key === 'users_affected' ? value : Math.round(value * 100) / 100, ...(note ? { note } : {}) };
}

import { findDate, readLeadingStamp, type DateReading, type LooseDate, type LooseStamp } from './stamps';

/**
 * Times written as prose: "At 3:28 PM UTC on November 23rd, the attacker …", "On March 3, 2024
 * at 14:05 UTC, …", "By 9:30 AM UTC, we had …", "Um 14:05 Uhr …". Reviews written as a story
 * (blog-style reports, GitHub availability reports) state their timeline this way. Every
 * expression is anchored with bounded repetition: linear in the line.
 */

/** Words that open a sentence about a moment, before its time (or "On <date>"). */
const LEAD = /^(?:\*\*|__)?(?:at|by|around|about|approximately|from|between|beginning at|starting at|starting|since|until|on|um|gegen|ab|à|vers|dès|a las|hacia|desde|às|por volta das|a partir das)\s{1,3}(?:about\s|around\s|approximately\s|roughly\s|ca\.\s?|~\s?)?/i;
/** ", on November 23rd" / " on the 24th of November" after the time. */
const ON_DATE = /^,?\s{1,3}(?:on|am|le|el|em|the)\s{1,3}(?:the\s{1,3})?/i;

export interface ProseStamp {
  /** The moment; its `raw` is the whole opening ("At 3:28 PM UTC on November 23rd"). */
  readonly stamp: LooseStamp;
  /** Where the words after the opening start (the sentence stays whole in the entry). */
  readonly end: number;
}

/** A sentence that starts with its moment. Undefined unless a time of day is read. */
export function readProseStamp(text: string, reading: DateReading): ProseStamp | undefined {
  if (text.length > 4000) return undefined;
  const lead = LEAD.exec(text);
  if (!lead) return undefined;
  let at = lead[0].length;
  const first = readLeadingStamp(text.slice(at), reading);
  // "At 09:50 Europe/Berln …": a zone meant but none known; never read in the document's zone.
  if (!first || first.unknownZone) return undefined;
  at += first.end;
  const { hour, minute, zone } = first;
  let date = first.date;
  if (hour === undefined) return undefined;
  if (!date) {
    const on = ON_DATE.exec(text.slice(at));
    if (on) {
      const d = readLeadingStamp(text.slice(at + on[0].length), reading);
      if (d?.date && d.hour === undefined) {
        date = d.date;
        at += on[0].length + d.end;
      }
    }
  }
  const raw = text.slice(0, at);
  return { stamp: { start: 0, end: at, date, hour, minute, zone, raw }, end: at };
}

/** "On 28th February, …" / "On March 3, 2024, …": a sentence opening with its date and no time. */
export function readProseDate(text: string, reading: DateReading): LooseDate | undefined {
  const m = /^(?:on|am|le|el|em)\s{1,3}(?:the\s{1,3})?/i.exec(text);
  if (!m) return undefined;
  const d = readLeadingStamp(text.slice(m[0].length), reading);
  return d?.date && d.hour === undefined ? d.date : undefined;
}

/** Words after which a sentence gives the start: "beginning at 09:47 UTC", "starting at 05:59", "from February 4, 05:35 UTC". */
const START_CUE = /\b(?:beginning|starting|started|began|begins|commencing|commenced|from|between)\s{1,3}(?:at\s{1,3}|around\s{1,3}|approximately\s{1,3}|about\s{1,3}|roughly\s{1,3}|~\s?)?/gi;

/**
 * The start the summary states, for a review without a timeline: "At 4:11 AM UTC on November
 * 24th, our packages were compromised", "On June 8, 2021, Fastly experienced a disruption
 * beginning at 09:47 UTC", "On 28th February, flags went down for 3 hours, from 15:30 to 18:10
 * UTC", "The incident began at 12:36 JST." The date may come from the sentence, the paragraph's
 * "On <date>", or `fallbackDate` (a date the document states); `reading.year` completes a date
 * written without a year.
 */
export function statedStartInProse(paragraph: string, reading: DateReading, fallbackDate?: LooseDate): (LooseStamp & { readonly until?: LooseStamp }) | undefined {
  const text = paragraph.length > 1000 ? paragraph.slice(0, 1000) : paragraph;
  const lead = readProseStamp(text, reading);
  if (lead?.stamp.date || (lead && fallbackDate)) return lead.stamp.date ? lead.stamp : { ...lead.stamp, date: fallbackDate };
  // Only the first sentence: later ones tell of other moments ("Between 04:30 and 06:30 UTC on
  // April 22 a few users still saw …").
  const end = /[.!?](?=\s{1,3}[A-Z]|\s*$)/.exec(text.slice(0, 600));
  const sentence = text.slice(0, end ? end.index : 600);
  const date = readProseDate(sentence, reading) ?? findDate(sentence, reading) ?? fallbackDate;
  for (const cue of sentence.matchAll(START_CUE)) {
    const at = cue.index + cue[0].length;
    const st = readLeadingStamp(sentence.slice(at, at + 80), reading);
    if (st?.hour === undefined || st.unknownZone) continue;
    let after = at + st.end;
    // "from 15:30 to 18:10 UTC on March 3": the zone and date written after the range.
    let zone = st.zone;
    let until: LooseStamp | undefined;
    const range = /^\s{1,3}(?:to|and|until|through|-|–)\s{1,3}(\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?(?![A-Za-z]))?(?:\s{0,2}[A-Z][A-Za-z/_]{1,40})?)/.exec(sentence.slice(after, after + 80));
    if (range) {
      // "from 16:58 to 18:46 UTC": the end of the range is stated too.
      until = readLeadingStamp(range[1], reading);
      zone ??= until?.zone;
      if (until?.hour === undefined) until = undefined;
      after += range[0].length;
    }
    let d = st.date;
    const on = d ? undefined : ON_DATE.exec(sentence.slice(after));
    if (on) d = readLeadingStamp(sentence.slice(after + on[0].length, after + on[0].length + 60), reading)?.date;
    d ??= date;
    if (d) return { ...st, date: d, zone, raw: sentence.slice(cue.index, range ? after : at + st.end), until };
  }
  return undefined;
}

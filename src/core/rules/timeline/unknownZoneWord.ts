import type { Rule } from '../../lint/rule';
import { entriesOf, timelineSections } from './shared';

/** A capital word shaped like a zone abbreviation (`XKT`, `ABST`): 3 to 5 letters ending in T. Anchored, linear. */
const ZONE_SHAPED = /^[ \t]+([A-Z]{2,4}T)(?![A-Za-z0-9])/;

/** Words written in capitals after a time that are not zones (`14:30 GET /health`, `ALERT fired`). */
const WORDS = new Set(['GET', 'PUT', 'POST', 'ALERT', 'START', 'RESET', 'EVENT', 'FIRST', 'LAST', 'NEXT', 'TEST', 'HOST', 'ROOT', 'BOOT', 'EXIT', 'INIT', 'EDIT', 'WAIT', 'PORT', 'CERT', 'JWT', 'TEXT', 'NOT', 'BUT', 'OUT', 'SET', 'HIT', 'LIST', 'CHAT', 'SPLIT', 'ABORT', 'REST', 'LOST', 'BUILT', 'SENT', 'WENT', 'QUIT', 'AUDIT', 'ADMIT', 'INPUT', 'SHUT', 'MUST', 'JUST']);

/**
 * `14:30 XKT [detected]`: a capital word shaped like a zone abbreviation right after the time, that
 * neither the tools' table nor the time-zone data names (a typo, or a local name). It stays the
 * entry's text and the time is read in the document's zone — said, so a zone the tools do not know
 * is never read as another one in silence (trial16a F18). Known abbreviations (`IRST`, `IDT`) are
 * read, and ambiguous ones (`IST`, `GST`) reported, elsewhere; this is only for the rest. An info:
 * the word may well be the entry's text.
 */
export const timelineUnknownZoneWord: Rule = {
  code: 'timeline/unknown-zone-word',
  defaultSeverity: 'info',
  description: 'A capital word shaped like a zone abbreviation right after an entry\'s time (`14:30 XKT`) that no time-zone data names is not read as a zone: the time is read in the front matter\'s `timezone`, and that is said.',
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      for (const entry of entriesOf(doc, section)) {
        if (entry.instant === undefined || !entry.stampRange || entry.zoneWritten) continue;
        const line = doc.lines.lineText(entry.line);
        const word = ZONE_SHAPED.exec(line.slice(entry.stampRange.end.character, entry.stampRange.end.character + 12));
        if (!word || WORDS.has(word[1])) continue;
        const start = entry.stampRange.end.character + word[0].length - word[1].length;
        const stamp = line.slice(entry.stampRange.start.character, entry.stampRange.end.character);
        report({
          range: { start: { line: entry.line, character: start }, end: { line: entry.line, character: start + word[1].length } },
          message: `Expected a time zone the tools know after the time, found "${word[1]}": not read as a zone, so ${stamp} is read in ${doc.timezone}; if ${word[1]} is the zone meant, write the UTC time or an offset (like ${stamp} UTC+03:00)`,
        });
      }
    }
  },
};

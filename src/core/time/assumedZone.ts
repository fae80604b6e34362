import type { LineIndex } from '../text/lineIndex';

/**
 * The comment `postmortem convert` writes on `timezone: UTC` when the original stated no zone and
 * its times were read as UTC by assumption (trial 14a F1: once the times carried `Z`, nothing in the
 * file said they might be local times, and no later lint could ask). It stands until a person
 * checks the times and deletes it; timeline/assumed-zone reports it meanwhile.
 */
export const ASSUMED_ZONE_COMMENT = '# assumed by postmortem convert: the original states no time zone; check a time against a source, then delete this comment';

/** Recognises the comment by its opening words (the rest may be shortened by hand). */
const MARKER = /^timezone\s*:[^#]*#\s*assumed by postmortem convert\b/;

/** The front-matter line whose `timezone:` carries the comment, if any (lines between `---` and `---`). */
export function assumedZoneLine(lines: LineIndex, openLine: number, closeLine: number): number | undefined {
  for (let l = openLine + 1; l < closeLine && l < openLine + 2000; l++) if (MARKER.test(lines.lineText(l))) return l;
  return undefined;
}

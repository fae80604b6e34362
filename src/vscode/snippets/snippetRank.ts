import { DEFAULT_SECTION_ALIASES, sectionIdOf, type SectionId } from '../../core/document/sectionNames';

/**
 * The `pm-` snippets a section is written with, first in the list there: under `## Action items`
 * an action item, not a timeline entry (trial19a F6: `pm-timeline` came first and `pm-action` third,
 * and Enter put a timeline entry into the action items).
 */
export const SNIPPETS_FOR_SECTION: Readonly<Partial<Record<SectionId, readonly string[]>>> = {
  'action-items': ['pm-action'],
  timeline: ['pm-timeline', 'pm-timeline-utc', 'pm-timeline-local'],
  'root-cause': ['pm-whys', 'pm-fishbone', 'pm-faulttree'],
  impact: ['pm-impact'],
};

const TIMELINE_ITEMS = new Set(['pm-timeline', 'pm-timeline-utc']);

/**
 * The completion's sortText for a snippet this extension offers, in the section the cursor is in.
 * The section's own snippets first ("0-…"). VS Code sorts the contributed snippets (Ctrl+Space) by
 * `z-<prefix>` (snippetSource Extension): outside the Timeline, in a section with snippets of its
 * own, the computed timeline entries go after them ("~…"), so they no longer lead the list there.
 * Elsewhere (no section, or one without snippets of its own) the timeline entry leads, as before.
 */
export function snippetSortText(prefix: string, section: SectionId | undefined): string {
  const preferred = (section && SNIPPETS_FOR_SECTION[section]) || [];
  const rank = preferred.indexOf(prefix);
  if (rank >= 0) return `0-${rank}`;
  if (TIMELINE_ITEMS.has(prefix)) return preferred.length ? `~-${prefix}` : `1-${prefix}`;
  return `5-${prefix}`;
}

/** `## Title` (up to three spaces before it): the title, else undefined. No regular expression over the title. */
function level2Title(line: string): string | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  if (line[i] !== '#' || line[i + 1] !== '#' || (line[i + 2] !== ' ' && line[i + 2] !== '\t')) return undefined;
  let end = line.length;
  // A closing run of #s (`## Timeline ##`) and trailing blanks are not the title.
  while (end > i + 2 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > i + 2 && line[hashes - 1] === '#') hashes--;
  if (hashes < end && (line[hashes - 1] === ' ' || line[hashes - 1] === '\t')) end = hashes;
  return line.slice(i + 3, end).trim() || undefined;
}

/** A fence opening or closing line: its character and length, else undefined. */
function fenceOf(line: string): { char: string; length: number } | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const char = line[i];
  if (char !== '`' && char !== '~') return undefined;
  let n = 0;
  while (line[i + n] === char) n++;
  return n >= 3 ? { char, length: n } : undefined;
}

/**
 * The post-mortem section (`##` heading, read with the file's section names) that line `line` is
 * under, reading the lines from `from` (after the front matter) down to it, headings inside fenced
 * code left out. One pass over the lines above the cursor; undefined above the first `##` heading or
 * under one that is not a known section.
 */
export function sectionAtLine(lineAt: (n: number) => string, from: number, line: number, aliases: Readonly<Record<SectionId, readonly string[]>> = DEFAULT_SECTION_ALIASES): SectionId | undefined {
  let title: string | undefined;
  let fence: { char: string; length: number } | undefined;
  for (let n = Math.max(0, from); n < line; n++) {
    const text = lineAt(n);
    const f = fenceOf(text);
    if (fence) {
      if (f && f.char === fence.char && f.length >= fence.length && text.trim() === f.char.repeat(f.length)) fence = undefined;
      continue;
    }
    if (f) {
      fence = f;
      continue;
    }
    const t = level2Title(text);
    if (t !== undefined) title = t;
  }
  return title === undefined ? undefined : sectionIdOf(title, aliases);
}

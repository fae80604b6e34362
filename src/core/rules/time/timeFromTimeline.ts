import { isPlaceholderEntry } from '../../timeline/placeholder';
import { isYamlBroken } from '../../document/frontMatter';
import type { PostmortemDocument } from '../../document/model';
import { knownInstant } from '../../timeline/knownInstant';
import { formatIsoUtc } from '../../time/zones';
import type { Fix, TextEdit } from '../../types';
import { flowRootKeyEdit, refusalNote } from '../../frontMatter/flowRootEdits';
import { readingInDoubt } from '../timeline/readingInDoubt';
import { frontMatterTimes, MILESTONE_KEYS } from './frontMatterTimes';

/** The timeline tag of each front-matter milestone key. */
export const MARKER_OF: Readonly<Record<string, string>> = {
  started_at: 'started',
  detected_at: 'detected',
  mitigated_at: 'mitigated',
  resolved_at: 'resolved',
};

/**
 * "Set detected_at to 2026-12-01T14:09:00Z from the timeline's [detected] entry (line 31)", for a
 * front matter that lacks the key: the template leaves these keys commented out and people mark the
 * milestones in the timeline, so without this the metrics have no MTTR. Offered only when exactly one
 * entry carries the marker and its instant is known (two marked entries: a person picks). Preferred,
 * as it copies what the document says, when the entry writes its zone; otherwise the title names the
 * zone it was read in and fix-all does not apply it.
 */
export function timeFromTimelineFix(doc: PostmortemDocument, key: string): Fix | undefined {
  return timeFromTimeline(doc, key)?.fix;
}

/**
 * timeFromTimelineFix, or why it is held back (a flow-mapping front matter the key could not be
 * written into safely): the diagnostic then says so instead of offering an edit that breaks the YAML.
 */
export function timeFromTimeline(doc: PostmortemDocument, key: string, chosen?: PostmortemDocument['timeline'][number]): { readonly fix: Fix; readonly refused?: undefined; readonly doubt?: string } | { readonly fix?: undefined; readonly refused: string; readonly doubt?: undefined } | undefined {
  const marker = MARKER_OF[key];
  const fm = doc.frontMatter;
  if (!marker || !fm?.data || fm.closeLine < 0 || isYamlBroken(fm) || key in fm.data) return undefined;
  // `chosen`: one of several [marker] entries, offered as one choice among them (never preferred).
  const found = chosen ? withInstant(chosen) : markedEntry(doc, marker);
  if (!found) return undefined;
  const { entry, ms: instant } = found;
  const value = formatIsoUtc(instant);
  // A front matter written as one flow mapping (`{type: postmortem, …}`) takes the key inside it,
  // read back before it is offered; a line before the closing `---` would be no YAML (trial15a F10).
  const flow = flowRootKeyEdit(fm, doc.lines, key, value, value);
  if (flow?.refused !== undefined) return { refused: refusalNote(key, value, flow.refused) };
  // Fix-all copies only a time whose zone the entry writes (`14:09Z`, `09:09 EST`). One read in the
  // front matter's `timezone` may be meant otherwise (a table header saying UTC, a writer elsewhere):
  // fix-all first converts such entries to UTC (timeline/not-utc), and copies the time on its next pass.
  const readIn = entry.zoneWritten ? ''
    : typeof fm.data.timezone === 'string' ? `; its time read in ${entry.zone} (the front matter's \`timezone\`)`
      : '; its time read as UTC, as neither the entry nor `timezone:` names a zone';
  // A value out of order with another milestone (the front matter's, or the one fix-all would copy
  // from the timeline) would be a time/order error the next lint: offered, named, never applied by
  // fix-all, since only a person knows which of the two is wrong (trial14a F24).
  const clash = orderClash(doc, key, instant);
  // An entry whose reading is still open (`10:20 BST` in a London December: as written or the clock
  // then?) is not copied by fix-all: the front matter would state one reading as fact while the entry
  // waits for the writer's choice (trial16a F6). Offered, named, for after the choice.
  const open = readingInDoubt(doc, entry);
  const doubt = open ? `; not copied by --fix while the entry's reading is open: ${open}` : undefined;
  return {
    fix: {
      title: `Set ${key} to ${value} from the timeline's [${marker}] entry (line ${entry.line + 1})${readIn}${clash ? `; check it: ${clash}` : ''}${open ? `; as read now, which is one reading: ${open}` : ''}`,
      edits: [flow?.edit ?? keyEdit(doc, fm.openLine, fm.closeLine, key, value)],
      ...(entry.zoneWritten && !clash && !open && !chosen ? { isPreferred: true } : {}),
    },
    ...(doubt ? { doubt } : {}),
  };
}

/**
 * The single [marker] entry and its instant, when exactly one entry carries it and its time is known.
 * The template's example entry (`YYYY-MM-DD HH:MMZ (alert) [detected] Describe the first signal`) is
 * no second one: left below the writer's own [detected] entry, it hid that entry's missing
 * `detected_at` (no note, no fix, while mitigated_at and resolved_at were filled).
 */
function markedEntry(doc: PostmortemDocument, marker: string): { entry: PostmortemDocument['timeline'][number]; ms: number } | undefined {
  const marked = markedEntries(doc, marker);
  return marked.length === 1 ? withInstant(marked[0]!) : undefined;
}

/** Every entry the writer marked [marker] (the template's example entry is none of them). */
export function markedEntries(doc: PostmortemDocument, marker: string): PostmortemDocument['timeline'][number][] {
  return doc.timeline.filter((e) => e.milestones.includes(marker) && !isPlaceholderEntry(e));
}

function withInstant(entry: PostmortemDocument['timeline'][number]): { entry: PostmortemDocument['timeline'][number]; ms: number } | undefined {
  const ms = knownInstant(entry);
  return ms === undefined || !Number.isFinite(ms) ? undefined : { entry, ms };
}

/** "it is after resolved_at (2026-12-05T23:00:00Z, the [resolved] entry on line 22)", when `ms` for `key` breaks started ≤ detected ≤ mitigated ≤ resolved. */
export function orderClash(doc: PostmortemDocument, key: string, ms: number): string | undefined {
  const times = frontMatterTimes(doc);
  const at = MILESTONE_KEYS.indexOf(key as (typeof MILESTONE_KEYS)[number]);
  for (let i = 0; i < MILESTONE_KEYS.length; i++) {
    const other = MILESTONE_KEYS[i];
    if (i === at) continue;
    const written = times.get(other);
    const fromTimeline = written ? undefined : markedEntry(doc, MARKER_OF[other]);
    const otherMs = written?.parsed.ms ?? fromTimeline?.ms;
    if (otherMs === undefined) continue;
    const wrong = i < at ? otherMs > ms : otherMs < ms;
    if (!wrong) continue;
    const where = written ? `in the front matter` : `the [${MARKER_OF[other]}] entry on line ${fromTimeline!.entry.line + 1}`;
    return `it is ${i < at ? 'before' : 'after'} ${other} (${formatIsoUtc(otherMs)}, ${where})`;
  }
  return undefined;
}

/**
 * The template's commented-out line for the key (`# detected_at: YYYY-MM-DDTHH:MM:SSZ  # when …`)
 * becomes the value, so the key sits where the template put it; without one, a line before the
 * closing `---`.
 */
function keyEdit(doc: PostmortemDocument, openLine: number, closeLine: number, key: string, value: string): TextEdit {
  for (let line = openLine + 1; line < closeLine; line++) {
    if (isCommentedKey(doc.lines.lineText(line), key)) return { range: doc.lines.lineRange(line), newText: `${key}: ${value}` };
  }
  const at = { line: closeLine, character: 0 };
  return { range: { start: at, end: at }, newText: `${key}: ${value}${doc.lines.eol}` };
}

/** `# detected_at:` (blanks allowed around the key): the template's commented-out line for `key`. A hand check, no pattern built from text. */
function isCommentedKey(text: string, key: string): boolean {
  if (!text.startsWith('#')) return false;
  const rest = text.slice(1).trimStart();
  return rest.startsWith(key) && rest.slice(key.length).trimStart().startsWith(':');
}

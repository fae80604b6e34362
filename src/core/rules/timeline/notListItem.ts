import type { Rule, RuleContext } from '../../lint/rule';
import type { TextEdit } from '../../types';
import { entriesOf, timelineSections } from './shared';
import { unlistedEntries, type UnlistedEntry } from './unlistedEntries';
import { describeUntakenEntry, untakenEntriesOfSection, type UntakenEntry } from '../../index/untakenEntries';
import { foldedNumber } from '../../index/untakenItems';
import type { PostmortemDocument } from '../../document/model';

/**
 * Lines reported one by one per Timeline section. Past it one more diagnostic says how many lines
 * like these were not listed, with one fix for all of them (so `--fix` and Fix All still make every
 * one an entry in a single pass).
 */
export const MAX_LISTED_PER_SECTION = 5_000;

/**
 * A line in the Timeline that starts with a time like an entry but is not a list item (trial T4):
 * typed after Enter in VS Code, which does not continue a Markdown list, so `- ` is missing and the
 * line is read as more text of the entry above. Its time and `[milestone]` count nowhere, so this
 * says so on the line, with the fix that makes it an entry (the list marker of the entry above).
 * The fix is preferred for lines at the margin (the typing slip); an indented line may be a
 * deliberate continuation, so there `--fix` leaves it. A Timeline without any entry is
 * timeline/missing's case.
 *
 * A line that looks like an entry in a list but is text or code to Markdown is said too, whether or
 * not the section has entries (trial16a F16): a look-alike bullet (`-` and a no-break space, `•`,
 * `–`) before a time, fixed to `- `, or an entry indented four columns where no list is open (an
 * indented code block), fixed by removing the indentation. The summary names the same lines
 * (index/untakenEntries.ts), so `list` and `metrics` exit 1.
 */
export const timelineNotListItem: Rule = {
  code: 'timeline/not-list-item',
  defaultSeverity: 'warning',
  description: 'Each timeline entry is its own list item: a line that starts with a time but has no `- ` is read as text of the entry above. So is a line whose bullet only looks like one (`-` and a no-break space, `•`, `–`), and an entry indented four columns where no list is open is code.',
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      if (section.notChecked) continue;
      const untaken = untakenEntriesOfSection(doc.lines, section.startLine, section.endLine);
      const folded = new Set(untaken.filter((u) => u.kind === 'folded').map((u) => u.line));
      for (const u of untaken) reportUntaken(doc, u, report, folded);
      if (entriesOf(doc, section).length === 0) continue;
      const unlisted = unlistedEntries(doc, section);
      for (const u of unlisted.slice(0, MAX_LISTED_PER_SECTION)) {
        const at = { line: u.line, character: u.indent };
        const lineEnd = { line: u.line, character: doc.lines.lineText(u.line).trimEnd().length };
        report({
          range: { start: at, end: lineEnd },
          message: `Expected a timeline entry as a list item, found a line that looks like one but is not: it is read as text of the entry above, so its time${u.milestones.length ? ` and [${u.milestones.join('], [')}] count` : ' counts'} nowhere. Start it with \`${u.marker.trim()} \``,
          fixes: [{
            title: `Make line ${u.line + 1} a timeline entry (start it with "${u.marker.trim()} ")`,
            edits: [{ range: { start: { line: u.line, character: 0 }, end: at }, newText: u.marker }],
            isPreferred: u.indent === 0,
          }],
        });
      }
      if (unlisted.length > MAX_LISTED_PER_SECTION) reportTheRest(unlisted.slice(MAX_LISTED_PER_SECTION), report);
    }
  },
};

/** A look-alike bullet before a time (`• 14:09Z …`) or an entry indented into code: where its time went, and the standard form. */
function reportUntaken(doc: PostmortemDocument, u: UntakenEntry, report: RuleContext['report'], folded: ReadonlySet<number>): void {
  const text = doc.lines.lineText(u.line);
  const counted = u.milestones.length ? `its time and [${u.milestones.join('], [')}] count` : 'its time counts';
  if (u.kind === 'folded') {
    reportFolded(doc, u, report, folded, counted);
    return;
  }
  const edit = u.kind === 'text'
    ? { range: { start: { line: u.line, character: u.lookalike!.markerStart }, end: { line: u.line, character: u.lookalike!.markerEnd } }, newText: `${u.lookalike!.standard} ` }
    : { range: { start: { line: u.line, character: 0 }, end: { line: u.line, character: u.codeIndent! } }, newText: '' };
  report({
    range: { start: { line: u.line, character: 0 }, end: { line: u.line, character: text.trimEnd().length } },
    message: u.kind === 'text'
      ? `Expected a timeline entry as a list item, found ${describeUntakenEntry(u, doc.lines)}: Markdown shows this line as text, not a list item, so ${counted} nowhere. Write \`${u.lookalike!.standard} \``
      : `Expected a timeline entry as a list item at the margin, found ${describeUntakenEntry(u, doc.lines)} (four columns in, where no list is open), so ${counted} nowhere. Remove the indentation`,
    fixes: [{
      title: u.kind === 'text' ? `Write the list marker as "${u.lookalike!.standard} "` : 'Remove the indentation that makes it code',
      edits: [edit],
      isPreferred: true,
    }],
  });
}

/** One diagnostic for the unlisted lines past the cap: how many, from which line, and a fix for all of them. */
function reportTheRest(rest: readonly UnlistedEntry[], report: RuleContext['report']): void {
  const first = rest[0];
  const last = rest[rest.length - 1];
  const n = rest.length.toLocaleString('en-US');
  // Only lines at the margin: an indented line may be a deliberate continuation (see above).
  const edits: TextEdit[] = [];
  for (const u of rest) {
    if (u.indent === 0) edits.push({ range: { start: { line: u.line, character: 0 }, end: { line: u.line, character: 0 } }, newText: u.marker });
  }
  const atMargin = edits.length === rest.length ? `all ${n}` : `the ${edits.length.toLocaleString('en-US')} of them at the margin`;
  report({
    range: { start: { line: first.line, character: first.indent }, end: { line: first.line, character: first.indent } },
    message: `Expected timeline entries as list items, found ${n} more lines like the ${MAX_LISTED_PER_SECTION.toLocaleString('en-US')} listed above, from line ${first.line + 1} to line ${last.line + 1}, not listed one by one: their times count nowhere either`,
    fixes: edits.length ? [{ title: `Make ${atMargin} timeline entries (lines ${first.line + 1}–${last.line + 1})`, edits, isPreferred: true }] : undefined,
  });
}

/** An entry read as more of the paragraph above (`All times UTC:` then `2. 14:02Z …`): a blank line above the first of a run, or `1.` after indented code. */
function reportFolded(doc: PostmortemDocument, u: UntakenEntry, report: RuleContext['report'], folded: ReadonlySet<number>, counted: string): void {
  const text = doc.lines.lineText(u.line);
  let first = u.line;
  while (folded.has(first - 1)) first--;
  const numbered = foldedNumber(text);
  const hint = first !== u.line
    ? `It follows line ${first + 1}, which is read the same way: once that line is a list item, so is this one`
    : u.afterCode ? 'Number it `1.`' : numbered ? 'Put a blank line above it, or number it `1.`' : 'Indent it less, or write it at the margin';
  const fixes = [];
  if (first === u.line && numbered && !u.afterCode) fixes.push({ title: 'Put a blank line above it (a list then starts here)', edits: [{ range: { start: { line: u.line, character: 0 }, end: { line: u.line, character: 0 } }, newText: doc.lines.eol }], isPreferred: true });
  if (first === u.line && numbered) {
    const start = text.indexOf(numbered);
    const one = `1${numbered[numbered.length - 1]}`;
    fixes.push({ title: `Number it \`${one}\` (a list there must start at 1)`, edits: [{ range: { start: { line: u.line, character: start }, end: { line: u.line, character: start + numbered.length } }, newText: one }], isPreferred: u.afterCode === true });
  }
  report({
    range: { start: { line: u.line, character: 0 }, end: { line: u.line, character: text.trimEnd().length } },
    message: `Expected a timeline entry as a list item, found ${describeUntakenEntry(u, doc.lines)}, so ${counted} nowhere. ${hint}`,
    fixes: fixes.length ? fixes : undefined,
  });
}

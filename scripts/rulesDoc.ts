import type { Rule } from '../src/core/lint/rule';

/**
 * What each rule's quick fixes do, or why it has none — docs/rules.md shows it, and a unit test
 * fails when a rule is missing here. "(auto)" marks fixes that `--fix` and Fix All apply; the others
 * are offered in the editor (Ctrl+.) and listed by `lint --format json`. "… (choose)" fixes ask for
 * a value first (an owner, a date) and are never applied by `--fix`.
 */
const REDACT = 'replaces the value with a typed placeholder such as `[redacted: email]` (auto); a leaked secret must still be revoked';

export const FIX_NOTES: Readonly<Record<string, string>> = {
  'yaml/syntax': 'for the most common slip, a plain value holding ": " (`title: Outage: DB down`): quote the value (preferred); none for other errors: a YAML error can mean many things (a missing quote, a tab), the message points at the spot',
  'front-matter/missing': 'adds a minimal front matter (title from the first heading, status draft)',
  'schema': 'enum: the value it is a spelling of (auto), or the likely meant value; format: the time written in UTC, each fix naming the zone it read the value in: the front matter\'s `timezone` (auto), and your zone too when that is UTC and you are elsewhere (then neither is auto); unknown key: the likely meant key (auto); required `impact`: filled from the Impact table (auto when the numbers are real, not 0); required `started_at`/`detected_at`/`mitigated_at`/`resolved_at`: set from the one timeline entry marked `[started]`/`[detected]`/… ("Set detected_at to … from the timeline\'s [detected] entry (line N)"; auto when the entry writes its zone, as after the timeline is converted to UTC; otherwise the title names the zone it was read in). Other required keys and types: none, only the team knows the value',
  'front-matter/misspelt-key': 'renames to the documented key (auto)',
  'time/not-utc': 'converts to UTC (auto)',
  'time/order': 'none: which of the times is wrong only the team knows',
  'time/implausible': 'none: only the writer knows the right time (the year, the day or the zone a time that has not happened yet got wrong, or the real time behind a placeholder)',
  'timeline/future': 'none: only the writer knows whether the day, the zone or the next-day reading above is wrong',
  'timeline/not-utc': 'converts the entry to UTC (auto), or all entries read in the front matter\'s zone at once (also offered on each entry\'s line); a conversion that rests on a time read as the next day, or on the day of an entry above written in another zone, says so in its title, and is not automatic when that reading is in doubt (timeline/next-day, timeline/carried-date)',
  'timeline/unparseable': 'none: the time cannot be read, so there is nothing to rewrite it from',
  'timeline/out-of-order': 'none: either entry may be the mistyped one',
  'timeline/next-day': 'writes the date the entry is read on (`2026-12-02 00:10`), confirming the next day; never automatic (only the writer knows whether the clock crossed midnight or the time is a typo)',
  'timeline/carried-date': 'writes the date the entry is read on (`2026-12-05 22:15`); automatic when the reading puts the time 0 to 12 hours after the entry above (`lint --fix` prints what it wrote), never when it is a warning',
  'timeline/outside-window': 'none: the entry\'s date or the incident window may be the wrong one',
  'timeline/missing': 'none: the entries are the incident\'s own story',
  'timeline/missing-milestone': 'marks the entry that matches the front-matter time (auto)',
  'timeline/not-list-item': 'starts the line with the list marker of the entry above (auto for lines at the margin; an indented line may be a deliberate continuation)',
  'timeline/placeholder': 'none: when it happened and what happened are the writer\'s to say (or delete the line)',
  'timeline/inside-html': 'writes the opening line\'s tag as text with a backslash (`\\<START OF OUTAGE>`) when it is not an HTML tag, which makes the lines below it Markdown again; a real HTML block (`<details>`) has no fix: put a blank line between it and the entries',
  'timeline/milestone-mismatch': 'sets the front-matter time from the timeline entry; in a draft whose front matter lacks the key, adds it from the one marked entry (auto when the entry writes its zone)',
  'timeline/zone-note': 'sets `timezone` to the zone the note names',
  'timeline/utc-or-local': 'two, never automatic (only the writer knows which is right): "these are UTC" writes the `Z`; "these are <your zone>" converts them to UTC and sets `timezone:` to your zone. Also offered on each entry\'s line',
  'sections/missing': 'inserts the section skeleton (auto), or all missing sections at once',
  'document/nesting-too-deep': 'none: the markers past the limit are read as spaces; flatten the list by hand',
  'document/unclosed-fence': 'closes the code block before the first section heading it hides, else at the end of the file (never preferred: where the code ended is the writer\'s call)',
  'document/comment-hides-content': 'when a later comment\'s `-->` ended the comment (a `<!--` inside it), ends it with ` -->` on its last line of text before the first heading or item it hides, keeping its notes hidden (preferred when that is a section heading; offered only for hidden items, which may have been commented out on purpose); none when the comment ends with its own `-->`',
  'document/unclosed-comment': 'none: where the comment was meant to end only the writer knows (a `-->` put in the wrong place would publish the notes it hid, or hide more); add the `-->` where the comment should end',
  'document/section-too-large': 'none: split the section, or keep a long list as plain `- ` items (read without the limit)',
  'document/too-many-brackets': 'none: the characters past the limit are read as plain text; split the paragraph, or put a pasted log in a code block',
  'sections/duplicate': 'none: merging two sections needs a person to choose what stays',
  'sections/empty': 'none: the content is the review itself',
  'actions/missing-owner': 'assigns you (`postmortem.userName`), or an owner you pick from those seen in the workspace (choose)',
  'actions/one-owner': 'keeps the first `@name` as the owner and writes the second without `@` (in a table: removes the other person from the Owner cell), or the other way round (never auto: who owns it is the team\'s call)',
  'actions/missing-due': 'sets the due date `defaultDueDays` (14) days from today, or a date you pick (choose)',
  'actions/one-due': 'the same date written twice: removes the repeat (auto); two different dates: keeps one and removes the other, either way round (never auto: which date was agreed is the team\'s call)',
  'actions/due-in-words': 'writes the date read from the words as `due:YYYY-MM-DD` in their place (auto)',
  'actions/struck-out': 'marks it done today, or deletes its line when the item is that one line (choose: dropped or done is the team\'s call)',
  'actions/bad-due': 'rewrites an unambiguous date as YYYY-MM-DD (auto)',
  'actions/bad-owner': 'writes the token\'s names joined by hyphens as the handle (auto when it holds one name; offered when it may be two people)',
  'actions/bad-priority': 'none: whether P0 means P1 or something else is the team\'s call',
  'actions/bad-level': 'writes the level it is a spelling of (auto)',
  'actions/overdue': 'marks it done today, moves the due date a week from today, or to a date you pick (choose)',
  'actions/unread-status': 'none: only the writer knows what the status means; the message lists the statuses that are read',
  'actions/placeholder': 'none: only the writer knows the real task, owner and ticket',
  'actions/outside-section': 'none: whether the task is an action item (and where it goes) is the writer\'s call',
  'actions/quick-win-unprioritised': 'prioritises it as P1 or as P2',
  'actions/none': 'turns the section\'s bullets into tasks (`- [ ] …`)',
  'actions/no-ticket': 'none: the ticket has to be filed in your tracker first',
  'review/overdue': 'none: publishing is finishing the review, not an edit',
  'review/no-facilitator': 'none: who facilitates is the team\'s choice',
  'review/not-approved': 'none: an approval is a reviewer\'s decision; the *Approve* command records one for the current user',
  'blameless/language': 'none: rewording needs a person; the message suggests a blameless way to say it',
  'impact/not-quantified': 'none: only the team knows the numbers (the `pm-impact` snippet gives the table)',
  'impact/table-mismatch': 'uses the table\'s number in the front matter, or the front matter\'s in the table',
  'impact/unread-cell': 'none: converting a currency or choosing between 1200 and 1.2 is the writer\'s call; the message says how to write the cell',
  'front-matter/duplicate-id': 'none: which post-mortem keeps the id (and which links point where) is for the team to decide',
  'related/unknown-id': 'none: the id may be mistyped or the other post-mortem not written yet',
  'links/missing-file': 'a link whose target differs only in case is corrected (auto); a file of the same name found in one other place is offered as "Change link to …" (not automatic: it may be a different file); otherwise none',
  'actions/bad-kind': 'writes the kind meant when it is clear (`kind:prevention` → `kind:prevent`, a one-letter slip); otherwise none',
  'actions/no-prevent': 'none: which item prevents a recurrence is the reviewers\' call (add `kind:prevent` to it, or write one)',
  'factors/unknown': 'changes a slip (`capcity`, `Monitoring gap`) to the vocabulary id; a factor far from every id has no fix (add it to `factors` in .postmortemrc.json)',
  'analysis/five-whys-shallow': 'none: the next "why" is the analysis',
  'diagram': 'none: the diagram editor shows where the block cannot be read',
  'redaction/github-token': REDACT,
  'redaction/gitlab-token': REDACT,
  'redaction/slack-token': REDACT,
  'redaction/slack-webhook': REDACT,
  'redaction/aws-access-key': REDACT,
  'redaction/aws-secret-key': REDACT,
  'redaction/google-api-key': REDACT,
  'redaction/stripe-key': REDACT,
  'redaction/jwt': REDACT,
  'redaction/private-key': REDACT,
  'redaction/url-password': REDACT,
  'redaction/email': REDACT,
  'redaction/phone': 'replaces the number with `[redacted: phone]`, offered only: found by shape alone, a ticket or metric can look the same, so `--fix` and Fix All leave it',
  'redaction/ip-address': 'replaces the address with `[redacted: ip-address]`, offered only: found by shape alone (`OpenSSL 3.0.2.1` is a dotted quad too), so `--fix` and Fix All leave it',
  'redaction/team-pattern': REDACT,
  'evidence/image-alt': 'none: only a person can say what the image shows',
};

/** docs/rules.md, generated from the rule registry so the docs cannot drift from the code. */
export function renderRulesDoc(rules: readonly Rule[]): string {
  const rows = rules.map((r) => {
    const codes = [r.code, ...(r.subCodes ?? [])].map((c) => `\`${c}\``).join('<br>');
    const fix = FIX_NOTES[r.code] ?? '(not documented: add it to FIX_NOTES in scripts/rulesDoc.ts)';
    return `| ${codes} | ${r.defaultSeverity} | ${r.description.replace(/\|/g, '\\|')}${r.needsWorkspace ? ' *(workspace)*' : ''} | ${fix.replace(/\|/g, '\\|')} |`;
  });
  return [
    '# Rules',
    '',
    '<!-- Generated by `npx tsx scripts/gen-rules-doc.ts` from src/core/rules; a unit test fails when it is stale. -->',
    '',
    'Every diagnostic has a stable code. Re-grade or switch off a rule (or one of its codes) in',
    '`.postmortemrc.json` (`"rules": { "blameless/language": "off" }`) or in the `postmortem.rules` setting.',
    'Rules marked *(workspace)* need the other post-mortems of the workspace (the CLI and the extension provide them).',
    '',
    'Quick fixes: *(auto)* fixes are applied by `postmortem lint --fix`, Fix All and `source.fixAll.postmortem`;',
    'the others are offered with Ctrl+. and listed (with their edits) by `lint --format json`; SARIF carries the',
    'ready-to-apply ones. *(choose)* fixes ask for a value first — an owner, a date — and are never applied unasked.',
    'A rule with no fix says why: usually only the team knows the right value.',
    '',
    '| code | default | what it checks | quick fix |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

import { strict as assert } from 'node:assert';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { parsePostmortem } from '../../../src/core/document/parse';
import type { WorkspaceFacts } from '../../../src/core/lint/rule';

const now = new Date('2026-12-06T12:00:00Z');

function doc(status: string, extra: string, timeline: string): string {
  return `---\ntype: postmortem\ntitle: Payments API 502s\nstatus: ${status}\nid: PM-1\nseverity: SEV3\nfacilitator: "@a"\nstarted_at: 2026-12-05T18:10:00Z\n${extra}# detected_at:\n---\n# Payments\n\n## Timeline\n\n${timeline}`;
}

const KOLKATA = '- 2026-12-05 23:40 config push\n- 23:52 [detected] alert\n- 2026-12-06 00:30 [mitigated] rollback done\n- 01:10 [resolved] closed\n';

describe('milestone times from the timeline (T3)', () => {
  it('offers "Set detected_at … from the timeline\'s [detected] entry (line N)" on schema/required, and --fix writes all three in UTC', () => {
    const text = doc('in-review', 'timezone: Asia/Kolkata\n', KOLKATA);
    const required = lintText(text, { now }).diagnostics.filter((d) => d.code === 'schema/required' && /detected_at/.test(d.message));
    assert.equal(required.length, 1);
    const fix = required[0].fixes?.[0];
    // Read in the front matter's zone: offered, named, and applied only once timeline/not-utc has made the entry UTC.
    assert.equal(fix?.title, "Set detected_at to 2026-12-05T18:22:00Z from the timeline's [detected] entry (line 17); its time read in Asia/Kolkata (the front matter's `timezone`)");
    assert.equal(fix?.isPreferred, undefined);
    const fixed = fixAll(text, { now }).text;
    const meta = parsePostmortem(fixed).meta;
    assert.equal(meta.detected_at, '2026-12-05T18:22:00Z');
    assert.equal(meta.mitigated_at, '2026-12-05T19:00:00Z');
    assert.equal(meta.resolved_at, '2026-12-05T19:40:00Z');
    assert.ok(!lintText(fixed, { now }).diagnostics.some((d) => d.code === 'schema/required' && /_at`/.test(d.message)));
  });

  it('applies the fix on its own for an entry written in UTC', () => {
    const text = doc('in-review', '', '- 2026-12-05 18:22Z [detected] alert\n');
    const fix = lintText(text, { now }).diagnostics.find((d) => d.code === 'schema/required' && /detected_at/.test(d.message))?.fixes?.[0];
    assert.equal(fix?.title, "Set detected_at to 2026-12-05T18:22:00Z from the timeline's [detected] entry (line 15)");
    assert.equal(fix?.isPreferred, true);
    // The template's commented-out line becomes the value.
    assert.match(fixAll(text, { now }).text, /\nstarted_at: 2026-12-05T18:10:00Z\ndetected_at: 2026-12-05T18:22:00Z\n---\n/);
  });

  it('in a draft, notes the missing key on the marked entry (info) with the same fix', () => {
    const text = doc('draft', 'timezone: Asia/Kolkata\n', KOLKATA);
    const notes = lintText(text, { now }).diagnostics.filter((d) => d.code === 'timeline/milestone-mismatch');
    assert.deepEqual(notes.map((d) => [d.severity, d.range.start.line + 1]), [['info', 17], ['info', 18], ['info', 19]]);
    assert.match(notes[0].fixes?.[0].title ?? '', /^Set detected_at to 2026-12-05T18:22:00Z from the timeline's \[detected\] entry \(line 17\); its time read in Asia\/Kolkata/);
    assert.equal(parsePostmortem(fixAll(text, { now }).text).meta.resolved_at, '2026-12-05T19:40:00Z');
  });

  it('offers nothing when two entries carry the marker, and does not apply a time whose zone was assumed', () => {
    const two = doc('in-review', 'timezone: UTC\n', '- 2026-12-05 18:20Z [detected] a\n- 18:25Z [detected] b\n');
    const d = lintText(two, { now }).diagnostics.find((x) => x.code === 'schema/required' && /detected_at/.test(x.message));
    assert.equal(d?.fixes, undefined);
    const assumed = doc('in-review', '', '- 2026-12-05 18:20 [detected] a\n');
    const [fix] = lintText(assumed, { now }).diagnostics.find((x) => x.code === 'schema/required' && /detected_at/.test(x.message))?.fixes ?? [];
    assert.match(fix.title, /read as UTC/);
    assert.equal(fix.isPreferred, undefined);
    assert.equal(parsePostmortem(fixAll(assumed, { now }).text).meta.detected_at, undefined);
  });
});

describe('milestone times from the timeline, out of order (trial14a F24)', () => {
  it('names the clash in the fix and leaves both keys to a person when [mitigated] comes after [resolved]', () => {
    const text = doc('in-review', '', '- 2026-12-05 18:22Z [detected] alert\n- 2026-12-05 23:00Z [resolved] resolved\n- 2026-12-06 01:00Z [mitigated] later\n');
    const fixes = lintText(text, { now }).diagnostics.filter((d) => d.code === 'schema/required').flatMap((d) => d.fixes ?? []);
    const resolved = fixes.find((f) => f.title.startsWith('Set resolved_at'));
    const mitigated = fixes.find((f) => f.title.startsWith('Set mitigated_at'));
    assert.equal(resolved?.title, "Set resolved_at to 2026-12-05T23:00:00Z from the timeline's [resolved] entry (line 16); check it: it is before mitigated_at (2026-12-06T01:00:00Z, the [mitigated] entry on line 17)");
    assert.equal(resolved?.isPreferred, undefined);
    assert.match(mitigated?.title ?? '', /; check it: it is after resolved_at \(2026-12-05T23:00:00Z, the \[resolved\] entry on line 16\)$/);
    const fixed = fixAll(text, { now }).text;
    const meta = parsePostmortem(fixed).meta;
    // The [detected] time is in order with both and is copied; the two that clash are not, so --fix writes no time/order error.
    assert.equal(meta.detected_at, '2026-12-05T18:22:00Z');
    assert.deepEqual([meta.mitigated_at, meta.resolved_at], [undefined, undefined]);
    assert.ok(!lintText(fixed, { now }).diagnostics.some((d) => d.code === 'time/order'));
  });

  it('compares with a time the front matter already holds', () => {
    const text = doc('in-review', 'resolved_at: 2026-12-05T17:00:00Z\n', '- 2026-12-05 18:22Z [detected] alert\n');
    const fix = lintText(text, { now }).diagnostics.find((d) => d.code === 'schema/required' && /detected_at/.test(d.message))?.fixes?.[0];
    assert.match(fix?.title ?? '', /; check it: it is after resolved_at \(2026-12-05T17:00:00Z, in the front matter\)$/);
    assert.equal(fix?.isPreferred, undefined);
  });
});

describe('front-matter/duplicate-id (T4)', () => {
  const text = doc('draft', '', '- 2026-12-05 18:20Z a\n');
  const dupes = (workspace: WorkspaceFacts) => lintText(text, { now, workspace }).diagnostics.filter((d) => d.code === 'front-matter/duplicate-id');

  it('warns on the id, naming the other file and not itself', () => {
    const [d, ...rest] = dupes({ knownIds: new Set(['PM-1']), sharedIds: new Map([['PM-1', ['postmortems/a.md', 'postmortems/b.md']]]), documentPath: 'postmortems/a.md' });
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 4);
    assert.match(d.message, /"PM-1" to name one post-mortem, found it also in postmortems\/b\.md;/);
    assert.doesNotMatch(d.message, /a\.md/);
  });

  it('is silent for an id no other file has, and without workspace facts', () => {
    assert.equal(dupes({ knownIds: new Set(['PM-1']), sharedIds: new Map([['PM-2', ['x.md', 'y.md']]]), documentPath: 'a.md' }).length, 0);
    assert.equal(dupes({ knownIds: new Set(['PM-1']) }).length, 0);
    assert.equal(lintText(text, { now }).diagnostics.filter((d) => d.code === 'front-matter/duplicate-id').length, 0);
  });
});

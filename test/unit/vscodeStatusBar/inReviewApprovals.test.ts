import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config/config';
import { resolveConfig } from '../../../src/core/config/resolve';
import { LintJobs } from '../../../src/vscode/lintWorker/lintJob';
import { approvalWords, deadlineWords, reviewStatus } from '../../../src/vscode/statusBar/reviewStatus';

// vs18 left the in-review bar at "SEV2 · in-review · review due in 14 h": nothing on the approvals a
// reviewer or the author waits for. The bar now counts them from the same lint that reports
// review/not-approved once the file is published (LintJobs: what the Node host's lint thread and the
// web host both run), so the two never disagree.
const NOW = Date.parse('2026-12-07T02:40:00Z');
const FRONT = 'id: PM-2026-120\nseverity: SEV2\nstarted_at: 2026-12-06T10:00:00Z\ndetected_at: 2026-12-06T10:05:00Z\nmitigated_at: 2026-12-06T10:30:00Z\nresolved_at: 2026-12-06T11:00:00Z\nfacilitator: asha\nauthors: [asha]\nimpact:\n  users_affected: 5200\n  downtime_minutes: 60\npublished_at: 2026-12-07T01:00:00Z';
const text = (status: string, extra: string) => `---\ntype: postmortem\ntitle: Checkout errors during a failover\nstatus: ${status}\n${FRONT}\n${extra.trim()}\n---\n\n# Checkout errors during a failover\n`;

function linted(status: string, extra: string, required = 1) {
  const config = required === 1 ? DEFAULT_CONFIG : resolveConfig({ requiredApprovals: required });
  const result = new LintJobs().lint({ uri: 'file:///pm.md', text: text(status, extra), config, nowMs: NOW, cache: false, summary: { sectionAliases: config.sectionAliases } });
  const s = reviewStatus(result.summary!, 48, NOW, result.diagnostics, result.review);
  return { words: approvalWords(s), deadline: deadlineWords(s, NOW), codes: result.diagnostics.map((d) => d.code), messages: result.diagnostics.map((d) => d.message) };
}

describe('status bar: an in-review post-mortem says its approvals so far and needed (vs19)', () => {
  it('none yet: "approvals 0 of 1", whom it waits for, and the deadline beside it', () => {
    const { words, deadline } = linted('in-review', 'reviewers: [lee, sam]');
    assert.equal(words?.text, 'approvals 0 of 1');
    assert.match(words!.detail, /^\*\*Review:\*\* approvals 0 of 1 needed to publish \(`requiredApprovals`\)/);
    assert.match(words!.detail, /- No approval yet from the requested reviewers @lee, @sam$/);
    assert.doesNotMatch(words!.detail, /Enough approvals/);
    assert.equal(deadline?.text, 'review due in 1 d 8 h');
  });

  it('an author\'s own approval is not counted, as review/not-approved does not count it once published', () => {
    const extra = 'reviewers: [lee]\napprovals:\n  - { by: asha, at: 2026-12-06T12:00:00Z, verdict: approved }';
    const { words } = linted('in-review', extra);
    assert.equal(words?.text, 'approvals 0 of 1');
    assert.match(words!.detail, /- Not counted: @asha's approval given by an author of this post-mortem/);
    const published = linted('published', extra);
    assert.ok(published.codes.includes('review/not-approved'), 'the lint agrees once it is published');
    assert.match(published.messages.join('\n'), /found none; not counted: @asha's approval given by an author/);
  });

  it('one approval of two needed, then both: the count follows requiredApprovals; enough says how to publish', () => {
    const one = 'reviewers: [lee, sam]\napprovals:\n  - { by: lee, at: 2026-12-06T12:00:00Z, verdict: approved }';
    const half = linted('in-review', one, 2).words!;
    assert.equal(half.text, 'approvals 1 of 2');
    assert.match(half.detail, /- Approved by @lee \(2026-12-06T12:00:00Z\)/);
    assert.match(half.detail, /- No approval yet from the requested reviewer @sam$/);
    const both = linted('in-review', `${one}\n  - { by: sam, at: 2026-12-06T13:00:00Z, verdict: approved }`, 2).words!;
    assert.equal(both.text, 'approvals 2 of 2');
    assert.match(both.detail, /Enough approvals to publish: set `status: published` and `published_at`\.$/);
    // The lint's reading is the same: published with both, no review/not-approved.
    assert.ok(!linted('published', `${one}\n  - { by: sam, at: 2026-12-06T13:00:00Z, verdict: approved }`, 2).codes.includes('review/not-approved'));
  });

  it('a request for changes still open is what the bar says, even after an approval from someone else', () => {
    const { words } = linted('in-review', 'reviewers: [lee, sam]\napprovals:\n  - { by: sam, at: 2026-12-06T12:00:00Z, verdict: approved }\n  - { by: lee, at: 2026-12-06T12:30:00Z, verdict: changes-requested }');
    assert.equal(words?.text, 'changes requested by @lee');
    assert.match(words!.detail, /- Changes requested by @lee \(2026-12-06T12:30:00Z\): still open \(a later approval by the same reviewer answers it\)/);
    assert.doesNotMatch(words!.detail, /Enough approvals/);
  });

  it('an approval dated before the incident ended is not counted, with the lint\'s reason', () => {
    const { words } = linted('in-review', 'reviewers: [lee]\napprovals:\n  - { by: lee, at: 2026-12-05T12:00:00Z, verdict: approved }');
    assert.equal(words?.text, 'approvals 0 of 1');
    assert.match(words!.detail, /- Not counted: @lee's approval dated 2026-12-05T12:00:00Z, before the incident's `resolved_at` \(2026-12-06T11:00:00Z\)/);
  });

  it('no reviewer yet: says Request Review adds them; handles are not read as Markdown', () => {
    assert.match(linted('in-review', '').words!.detail, /- No reviewer requested yet: \*Post-mortem: Request Review…\* adds them/);
    const odd = linted('in-review', 'reviewers: ["kim_lee*"]').words!;
    assert.match(odd.detail, /@kim\\_lee\\\*/);
  });

  it('requiredApprovals 0: no count on the bar', () => {
    const { words } = linted('in-review', 'reviewers: [lee]', 0);
    assert.equal(words?.text, undefined);
    assert.match(words!.detail, /publishing needs no approval here \(`requiredApprovals: 0`\)/);
  });

  it('draft and published bars are unchanged: no approval count', () => {
    assert.equal(linted('draft', 'reviewers: [lee]').words, undefined);
    assert.equal(linted('published', 'reviewers: [lee]').words, undefined);
  });
});

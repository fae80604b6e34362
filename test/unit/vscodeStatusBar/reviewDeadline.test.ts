import assert from 'node:assert/strict';
import { readSummary } from '../../../src/core/index';
import { lintText } from '../../../src/core/lint/engine';
import { deadlineWords, OVERDUE_DAYS, reviewStatus } from '../../../src/vscode/statusBar/reviewStatus';

const NOW = Date.parse('2026-12-07T02:40:00Z');
const DAY = 86_400_000;
const pm = (front: string) => readSummary(`---\ntype: postmortem\ntitle: T\n${front.trim()}\n---\n\n# T\n`);
const words = (front: string, now = NOW) => deadlineWords(reviewStatus(pm(front), 48, now), now);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('status bar: the review deadline in words (trial12 T16b)', () => {
  it('counts down to the deadline, then warns while chasing the review is useful', () => {
    assert.deepEqual(words(`status: draft\nresolved_at: ${iso(NOW - DAY)}`), { text: 'review due in 1 d', warn: false, detail: `Review deadline: ${iso(NOW + DAY)} (48 h after \`resolved_at\`) — 1 day left` });
    const late = words(`status: in-review\nresolved_at: ${iso(NOW - 5 * DAY)}`)!;
    assert.equal(late.text, 'review overdue 3 d');
    assert.equal(late.warn, true);
    const month = words(`status: draft\nresolved_at: ${iso(NOW - 2 * DAY - OVERDUE_DAYS * DAY)}`)!;
    assert.equal(month.text, `review overdue ${OVERDUE_DAYS} d`, 'still overdue on the last day');
  });

  it('says a converted 2023 review is not published, on the day it was resolved in its zone, without the warning', () => {
    const old = words('status: draft\nresolved_at: 2023-01-11T15:51:00Z\ntimezone: Europe/London')!;
    assert.equal(old.text, 'review not published (resolved 2023-01-11)');
    assert.equal(old.warn, false);
    assert.match(old.detail, /^Review deadline: 2023-01-13T15:51:00Z \(48 h after `resolved_at`\) passed 1423 days ago\. More than 30 days past it, the status bar no longer marks the review as overdue .*lint still reports it as `review\/overdue`/);
    // 23:30 on New Year's Eve in Los Angeles is 07:30Z on New Year's Day: the day as its author lived it.
    assert.equal(words('status: draft\nresolved_at: 2024-01-01T07:30:00Z\ntimezone: America/Los_Angeles')!.text, 'review not published (resolved 2023-12-31)');
  });

  // trial13b F13: "Review deadline: 2026-12-08T23:40:00Z" only in UTC; in Berlin that is 00:40 on the 9th.
  it('says the deadline on the writer\'s clock too, with the zone; not for a UTC writer', () => {
    const front = 'status: draft\nresolved_at: 2026-12-06T23:40:00Z';
    const berlin = deadlineWords(reviewStatus(pm(front), 48, NOW), NOW, 'Europe/Berlin')!;
    assert.match(berlin.detail, /^Review deadline: 2026-12-08T23:40:00Z = 2026-12-09 00:40 Europe\/Berlin \(48 h after `resolved_at`\) — /);
    assert.match(deadlineWords(reviewStatus(pm(front), 48, NOW), NOW, 'UTC')!.detail, /^Review deadline: 2026-12-08T23:40:00Z \(48 h/);
  });

  it('a published review is done however old; no resolved_at, no deadline', () => {
    assert.deepEqual(words('status: published\nresolved_at: 2023-01-11T15:51:00Z'), { text: 'review done', warn: false, detail: 'Published: the review is complete.' });
    assert.equal(words('status: draft'), undefined);
  });
});

// trial17b F9: "SEV2 · draft · resolved_at not used" left the reader guessing what was wrong.
describe('status bar: a resolved_at that starts no deadline says why in a few words', () => {
  const short = (front: string) => reviewStatus(pm(front), 48, NOW).notRead?.short;
  it('names the cause: in the future, out of order, a placeholder, not a valid time', () => {
    assert.equal(short(`status: draft\nstarted_at: ${iso(NOW - DAY)}\nresolved_at: ${iso(NOW + 2 * 3_600_000)}`), 'resolved_at is in the future: no review deadline');
    assert.equal(short('status: draft\nstarted_at: 2026-12-01T12:00:00Z\nresolved_at: 2026-12-01T11:00:00Z'), 'resolved_at is out of order: no review deadline');
    assert.equal(short('status: draft\nresolved_at: 1970-01-01T00:00:00Z'), 'resolved_at is a placeholder: no review deadline');
    assert.equal(short('status: in-review\nseverity: SEV2\nresolved_at: TBD'), 'resolved_at is a placeholder: no review deadline');
    assert.equal(short('status: draft\nresolved_at: 2026-13-45T99:00:00Z'), 'resolved_at is not a valid time: no review deadline');
  });
  it('never the bare "not used" the trial could not read', () => {
    for (const front of [`status: draft\nresolved_at: ${iso(NOW + DAY)}`, 'status: draft\nresolved_at: 1970-01-01T00:00:00Z']) {
      assert.doesNotMatch(short(front) ?? '', /not used/);
    }
  });
});

// trial18b F2: "SEV2 · published · review done" while Problems said review/not-approved and two
// fields required once published were missing. The bar reads the review from the same lint.
describe('status bar: "review done" only when the lint agrees the review is complete', () => {
  const front = (extra: string) => `id: PM-2026-120\nstatus: published\nseverity: SEV2\nstarted_at: 2026-12-01T10:00:00Z\ndetected_at: 2026-12-01T10:05:00Z\nmitigated_at: 2026-12-01T10:30:00Z\nresolved_at: 2026-12-01T11:00:00Z\nfacilitator: asha\nauthors: [asha]\nreviewers: [lee]\n${extra}`;
  const lintedWords = (extra: string) => {
    const text = `---\ntype: postmortem\ntitle: T\n${front(extra).trim()}\n---\n\n# T\n`;
    const { diagnostics } = lintText(text, { now: new Date(NOW) });
    return { words: deadlineWords(reviewStatus(readSummary(text), 48, NOW, diagnostics), NOW)!, codes: diagnostics.map((d) => d.code) };
  };

  it('an approval withdrawn by a later request for changes: "not approved", with the warning, and the lint\'s message in the tooltip', () => {
    const { words, codes } = lintedWords('approvals:\n  - { by: lee, at: 2026-12-02T09:00:00Z, verdict: approved }\n  - { by: lee, at: 2026-12-02T10:00:00Z, verdict: changes-requested }');
    assert.ok(codes.includes('review/not-approved'), codes.join(', '));
    assert.match(words.text, /^not approved · \d+ errors?$/);
    assert.equal(words.warn, true);
    assert.match(words.detail, /^Marked `published`, but the review is not complete: the lint reports it as not approved and \d+ errors? \(see Problems\)/);
    assert.match(words.detail, /`review\/not-approved` \(line \d+\): .*changes requested by @lee/);
  });

  it('only the author\'s approval: not counted, so not "review done" either', () => {
    const { words } = lintedWords('approvals:\n  - { by: asha, at: 2026-12-02T09:00:00Z, verdict: approved }');
    assert.match(words.text, /^not approved/);
    assert.match(words.detail, /not counted: @asha's approval given by an author/);
  });

  it('approved by a reviewer with every field a published post-mortem needs: "review done"', () => {
    const { words, codes } = lintedWords('published_at: 2026-12-03T09:00:00Z\nimpact:\n  users_affected: 5200\n  downtime_minutes: 60\napprovals:\n  - { by: lee, at: 2026-12-02T09:00:00Z, verdict: approved }');
    assert.deepEqual(words, { text: 'review done', warn: false, detail: 'Published: the review is complete.' }, codes.join(', '));
  });

  it('approved, but a field required once published missing: says the errors, not "review done"', () => {
    const { words, codes } = lintedWords('approvals:\n  - { by: lee, at: 2026-12-02T09:00:00Z, verdict: approved }');
    assert.ok(!codes.includes('review/not-approved'), codes.join(', '));
    assert.match(words.text, /^\d+ errors? before publishing$/);
    assert.equal(words.warn, true);
    assert.match(words.detail, /`schema\/required` \(line 1\): Expected `published_at` in the front matter/);
  });
});

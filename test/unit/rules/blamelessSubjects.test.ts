/**
 * `blameless/language`'s person-as-subject patterns and its grading by status. Precision matters as
 * much as recall: a system as subject ("the job failed to …") is never flagged.
 */
import { strict as assert } from 'node:assert';
import { resolveConfig } from '../../../src/core/config/resolve';
import { lintText, type LintOptions } from '../../../src/core/lint/engine';

function found(body: string, fields = 'status: draft', options: LintOptions = {}): { text: string; severity: string }[] {
  const text = `---\ntype: postmortem\ntitle: t\n${fields}\n---\n# T\n\n## Summary\n\n${body}\n`;
  const lines = text.split('\n');
  return lintText(text, { now: new Date('2026-11-27T12:00:00Z'), ...options }).diagnostics
    .filter((d) => d.code === 'blameless/language')
    .map((d) => ({ text: lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), severity: d.severity }));
}

describe('blameless/language: people as the subject of a failure', () => {
  it('flags a named person, a handle, a pronoun or a role that forgot, failed, missed or broke something', () => {
    const hits = found('Bob forgot to renew it. Priya Natarajan didn\'t page anyone. @dana-k failed to merge. She overlooked the alert. The on-call missed the page. Tom broke the build. Sam did not know.');
    assert.deepEqual(hits.map((h) => h.text), ['Bob forgot to', 'Priya Natarajan didn\'t', '@dana-k failed to', 'She overlooked', 'The on-call missed', 'Tom broke', 'Sam did not']);
  });

  it('flags "because of <person>"', () => {
    assert.deepEqual(found('It stalled because of Alice. Because of @ops-lead the rollout stopped. It failed because of him.').map((h) => h.text),
      ['because of Alice', 'Because of @ops-lead', 'because of him']);
  });

  it('takes the names the front matter lists as people', () => {
    assert.deepEqual(found('Kwame missed the page.').length, 0, 'not a built-in name');
    assert.deepEqual(found('Kwame missed the page.', 'status: draft\nparticipants: ["Kwame Mensah"]').map((h) => h.text), ['Kwame missed']);
    assert.deepEqual(found('Kwame missed the page.', 'status: draft\nfacilitator: Kwame Mensah').map((h) => h.text), ['Kwame missed']);
  });

  it('never flags a system, a tool or a team as the subject', () => {
    const text = [
      'The job failed to start. The deploy broke checkout. The alert missed the spike. The CI did not run.',
      'Redis did not evict keys. Jenkins failed to build. Kafka broke the consumer group. Travis failed to start.',
      'Kubernetes forgot nothing. Will failed to is not a name here. What didn\'t work: the runbook.',
      'We did not have a canary. They failed to start (the pods). Because of the retry storm, the queue grew.',
      'bob failed to is a lowercase word. Robert`s script` failed to run. It broke because of the config.',
    ].join(' ');
    assert.deepEqual(found(text), []);
  });

  it('matches in linear time on long adversarial text', () => {
    const long = `${'Bob Smith '.repeat(20000)}x ${'because of '.repeat(20000)}`;
    // Would take minutes if the name/surname repetition backtracked; the test fails only by the mocha timeout.
    assert.equal(found(long).length, 0);
  });
});

describe('blameless/language: severity by status', () => {
  it('is info while drafting and a warning from in-review on', () => {
    assert.equal(found('It was human error.')[0].severity, 'info');
    assert.equal(found('It was human error.', 'status: in-review')[0].severity, 'warning');
    assert.equal(found('It was human error.', 'status: published')[0].severity, 'warning');
  });

  it('follows blamelessWarningFrom, and a rule setting overrides both', () => {
    assert.equal(found('It was human error.', 'status: in-review', { config: resolveConfig({ blamelessWarningFrom: 'published' }) })[0].severity, 'info');
    assert.equal(found('It was human error.', 'status: draft', { config: resolveConfig({ blamelessWarningFrom: 'draft' }) })[0].severity, 'warning');
    assert.equal(found('It was human error.', 'status: published', { config: resolveConfig({ blamelessWarningFrom: 'never' }) })[0].severity, 'info');
    assert.equal(found('It was human error.', 'status: draft', { config: resolveConfig({ rules: { 'blameless/language': 'error' } }) })[0].severity, 'error');
  });

  it('reports a bad blamelessWarningFrom instead of guessing', () => {
    const config = resolveConfig({ blamelessWarningFrom: 'review' as never });
    assert.equal(config.blamelessWarningFrom, 'in-review');
    assert.match(config.problems.join('\n'), /blamelessWarningFrom/);
  });
});

describe('blameless/language: engineering words that only look like blame', () => {
  it('leaves fault tolerance, fault handling, git blame and lazy expiration alone', () => {
    const text = 'The cluster\'s fault tolerance held; their fault handling retried. We ran git blame on the config; we do not blame anyone, and don\'t blame the tools. Keys use lazy expiration and lazy deletion. A fault of the power supply tripped the rack.';
    assert.deepEqual(found(text), []);
  });

  it('still flags the blaming uses', () => {
    assert.deepEqual(found('It was their fault. It was Bob\'s fault, not the fault of the tooling. We blame the deploy. He was lazy.').map((h) => h.text),
      ['their fault', 'Bob\'s fault', 'fault of', 'blame', 'lazy']);
  });
});

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
    const hits = found('Bob forgot to renew it. Priya Natarajan didn\'t page anyone. @dana-k failed to merge. She overlooked the alert. The on-call missed the page. Tom broke the build. Sam did not check the logs.');
    assert.deepEqual(hits.map((h) => h.text), ['Bob forgot to', 'Priya Natarajan didn\'t page', '@dana-k failed to', 'She overlooked', 'The on-call missed', 'Tom broke', 'Sam did not check']);
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
    assert.deepEqual(found('It was their fault. It was Bob\'s fault, and the fault of the on-call engineer. We blame the deploy. He was lazy.').map((h) => h.text),
      ['their fault', 'Bob\'s fault', 'fault of', 'blame', 'lazy']);
  });
});

describe('blameless/language: ordinary and approving sentences are not blame (trial19c F3)', () => {
  it('"did not" is blame only before a verb of omission (check, follow, escalate, …)', () => {
    assert.deepEqual(found('The on-call engineer did not receive the first page. Tom did not have access. The reviewer did not need to approve. Priya did not hesitate to escalate. Bob didn\'t wait for a second opinion. Sam did not know the flag existed.'), []);
    assert.deepEqual(found('The reviewer did not check the diff. Maria didn\'t follow the runbook. The on-call engineer did not properly check the dashboard.').map((h) => h.text),
      ['The reviewer did not check', 'Maria didn\'t follow', 'The on-call engineer did not properly check']);
  });

  it('"missed nothing", "broke the problem into …", "broke the news" are not blame; "missed the page", "broke the build" are', () => {
    assert.deepEqual(found('Maria missed nothing. Ana broke the problem into three workstreams. Chen broke the work down. Priya broke the news to support.'), []);
    assert.deepEqual(found('Maria missed the page. Ana broke the build.').map((h) => h.text), ['Maria missed', 'Ana broke']);
  });

  it('a denial is not blame: "not human error", "wasn\'t anyone\'s fault", "not caused by Bob"', () => {
    assert.deepEqual(found('It was not human error. This was not human error and not operator error in the blaming sense. It wasn\'t anyone\'s fault. Nobody\'s fault. No human error was involved. It was **not** human error. It was not caused by Bob, and not\nbecause of @dana.'), []);
    // Only the words right before count: "not tested, and human error" is still blame.
    assert.deepEqual(found('The change was not tested, and human error did the rest. It was human error, not a missing check.').map((h) => h.text), ['human error', 'human error']);
  });

  it('"operator" as software is not a person: the Postgres operator, the operator errors', () => {
    assert.deepEqual(found('The Postgres operator failed to promote the replica. The operator missed a reconcile. The operator errors were logged. Strimzi operator errors piled up.'), []);
    assert.deepEqual(found('An operator error took the cluster down.\n\nOperator error was the root cause. The human operator failed to follow the procedure.').map((h) => h.text),
      ['operator error', 'Operator error', 'The human operator failed to']);
  });

  it('"should have caught", "messed up": blame with a person as subject, not with a system', () => {
    assert.deepEqual(found('Our end-to-end tests should have caught this. The monitoring should have noticed. The old chart messed up the PDB. The migration screwed up the indexes.'), []);
    assert.deepEqual(found('Bob should have caught this. We should\'ve noticed. The on-call should have checked. Tom messed up the rollback. It was screwed up by @sam.').map((h) => h.text),
      ['Bob should have caught', 'We should\'ve noticed', 'The on-call should have checked', 'Tom messed up', 'screwed up by @sam']);
  });
});

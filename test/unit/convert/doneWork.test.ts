import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';

/**
 * Work a review lists as already done must not become open action items (trial 14a F2: "Sent
 * communications to all 305 affected teams" beside two ✅ items, and "The cookie … was rescoped",
 * became `- [ ]`, counted open by list and metrics). Markers are read as done; an item read as
 * done only because it is told in the past tense is a guess, said in the report and in the file.
 */
const md = (...lines: string[]) => lines.join('\n') + '\n';
const items = (text: string) => parsePostmortem(text).actionItems.map((a) => `${a.isDone ? 'x' : ' '} ${a.text.split('\n')[0]}`);

describe('convert: work already done stays done', () => {
  it('a past-tense item listed beside ✅ items under "Immediate Actions" is done, and the guess is said in the report and the file', () => {
    const text = md('# Surveys SDK bug', '', '## Action items', '', '### Immediate Actions', '',
      '- ✅ Reverted the backwards-incompatible changes and released version 1.270.1',
      '- ✅ Issued credits / refunds to all customers affected by increased error tracking bills',
      '- Sent communications to all 305 affected teams explaining the issue and resolution', '',
      '### Long-term', '', '- Add automated tests against the last N minor versions @lucas');
    const result = convertPostmortem(text);
    assert.deepEqual(items(result.text), [
      'x ✅ Reverted the backwards-incompatible changes and released version 1.270.1',
      'x ✅ Issued credits / refunds to all customers affected by increased error tracking bills',
      'x Sent communications to all 305 affected teams explaining the issue and resolution',
      '  Add automated tests against the last N minor versions @lucas',
    ]);
    const notes = result.notes.filter((n) => /past tense/.test(n.message));
    assert.deepEqual(notes.map((n) => [n.line, n.message]), [[8, 'This item is told in the past tense ("Sent communications to all 305 affected teams explaining …") and nothing else marks it done: written as done ([x]), a guess — untick any that is still to do']]);
    assert.match(result.text, /^Conversion: one action item was ticked as done only because it is told in the past tense \("Sent communications to all 305 affected teams explaining …"; line 9 of the original\): untick any that is still to do\.$/m);
  });

  it('the same past-tense item in a list of plans stays open ("Improved alerting" may be a goal)', () => {
    const text = md('# X', '', '## Action items', '', '- Add a canary deploy @kim', '- Sent communications to all affected teams', '- Improved alerting on the ingress controllers');
    const result = convertPostmortem(text);
    assert.deepEqual(items(result.text), ['  Add a canary deploy @kim', '  Sent communications to all affected teams', '  Improved alerting on the ingress controllers']);
    assert.doesNotMatch(result.text, /past tense/);
  });

  it('"Done:" and "Open:" lines label the lists under them; ✔, ☑, "(done)", "completed" and strike-through are done without a guess', () => {
    const text = md('# X', '', '## Follow-up', '', 'Done:', '', '- Rotate the leaked keys', '- Page the database team', '', 'Open:', '', '- Add a canary deploy @kim',
      '- Add disk alerts ✔', '- ☑ Document the runbook', '- Raise the connection limit (done)', '- Remove the old cron job - completed', '- ~~Move the batch window~~');
    const result = convertPostmortem(text);
    assert.deepEqual(items(result.text), [
      'x Rotate the leaked keys', 'x Page the database team', '  Add a canary deploy @kim', 'x Add disk alerts ✔', 'x ☑ Document the runbook',
      'x Raise the connection limit (done)', 'x Remove the old cron job - completed', 'x ~~Move the batch window~~',
    ]);
    assert.doesNotMatch(result.text, /past tense/, 'marked by the writer: no guess to say');
  });

  it('a measure told in the passive past ("was added") is done, a guess said; "will be removed" later in it stays in its text', () => {
    const text = md('# Ingress rollback', '', '## Corrective and preventative measures', '',
      'The posthog cookie identified as a source of request blocking was rescoped so it was not included in future requests.', '',
      'A temporary exclusion was added globally to exclude this rule. This exclusion will be removed when the cookie has expired.', '',
      'We should use the non-production ingress controllers for test workloads.');
    const result = convertPostmortem(text);
    assert.deepEqual(items(result.text), [
      'x A temporary exclusion was added globally to exclude this rule. This exclusion will be removed when the cookie has expired.',
      '  We should use the non-production ingress controllers for test workloads.',
    ]);
    assert.match(result.text, /^The posthog cookie identified as a source of request blocking was rescoped so it was not included in future requests\.$/m, 'a sentence asking for no work stays prose');
    assert.match(result.text, /^Conversion: one action item was ticked as done only because it is told in the past tense \("A temporary exclusion was added globally to exclude this …"; line 7 of the original\)/m);
  });

  it('a ticket opened for the work and a cause told in the passive stay open', () => {
    const text = md('# X', '', '## Action items', '', '- Created a ticket to build a dashboard for slow queries', '- The outage was caused by a full disk; we should alert on disk usage @kim');
    assert.deepEqual(items(convertPostmortem(text).text), ['  Created a ticket to build a dashboard for slow queries', '  The outage was caused by a full disk; we should alert on disk usage @kim']);
  });
});

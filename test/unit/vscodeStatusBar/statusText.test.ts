import assert from 'node:assert/strict';
import { describeAllowed, enumFieldLabel } from '../../../src/vscode/statusBar/statusText';

describe('status bar labels for severity and status', () => {
  it('shows valid values as they are and unset ones as the placeholder', () => {
    assert.deepEqual(enumFieldLabel('severity', 'SEV2', 'no severity'), { text: 'SEV2' });
    assert.deepEqual(enumFieldLabel('status', 'in-review', 'no status'), { text: 'in-review' });
    assert.deepEqual(enumFieldLabel('severity', undefined, 'no severity'), { text: 'no severity' });
  });

  it('marks a severity outside the schema and says which values are allowed', () => {
    assert.deepEqual(enumFieldLabel('severity', 'SEV9', 'no severity'), {
      text: 'SEV9?',
      problem: 'severity "SEV9" is not one of SEV1–SEV4',
    });
    assert.equal(enumFieldLabel('severity', 'sev2', 'no severity').text, 'sev2?', 'the schema is case-sensitive');
  });

  it('marks a status outside the schema and lists the allowed statuses', () => {
    assert.deepEqual(enumFieldLabel('status', 'done', 'no status'), {
      text: 'done?',
      problem: 'status "done" is not one of draft, in-review, published',
    });
  });

  it('cuts a long invalid value in the bar but keeps it whole in the explanation', () => {
    const long = 'critical-outage-affecting-every-customer';
    const label = enumFieldLabel('severity', long, 'no severity');
    assert.equal(label.text, `${long.slice(0, 23)}…?`);
    assert.ok(label.problem?.includes(`"${long}"`));
  });

  it('describes numbered runs as a range and anything else as a list', () => {
    assert.equal(describeAllowed(['SEV1', 'SEV2', 'SEV3', 'SEV4']), 'SEV1–SEV4');
    assert.equal(describeAllowed(['P0', 'P1', 'P2']), 'P0–P2');
    assert.equal(describeAllowed(['SEV1', 'SEV3', 'SEV4']), 'SEV1, SEV3, SEV4', 'a gap is not a range');
    assert.equal(describeAllowed(['SEV1', 'SEV2']), 'SEV1, SEV2');
    assert.equal(describeAllowed(['draft', 'in-review', 'published']), 'draft, in-review, published');
  });
});

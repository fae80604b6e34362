import assert from 'node:assert/strict';
import { entries, insertLabel } from '../../../src/vscode/importing/confirmWords';
import { redactionNote } from '../../../src/core/redaction/events';

// trial18b F4: the import dialog said "Insert 1 Entries", and "(shown as [redacted: …] above)" over a list printed below it.
describe('import dialog wording', () => {
  it('one entry is an entry', () => {
    assert.deepEqual([insertLabel(1), insertLabel(3), entries(1), entries(2, 'timeline ')], ['Insert 1 Entry', 'Insert 3 Entries', '1 entry', '2 timeline entries']);
  });
  it('the redaction note does not say where the entries are (the CLI prints them before it, the dialog after it)', () => {
    const note = redactionNote([{ origin: 'alerts.csv row 2', kinds: ['email'], labels: ['email'], count: 1 }], 'set "postmortem.import.redact": false');
    assert.match(note, /^Redacted 1 secret or personal value in 1 imported event \(shown as \[redacted: …\] in the entries\):/);
    assert.doesNotMatch(note, /above|below/);
  });
});

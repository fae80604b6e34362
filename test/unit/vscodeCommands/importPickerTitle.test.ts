import assert from 'node:assert/strict';
import { IMPORTERS } from '../../../src/core/import';
import { importPickerTitle } from '../../../src/vscode/importing/pickerTitle';

describe('Import Timeline: the title of the dialog that picks the export (trial12 T11)', () => {
  it('names each format once, with what to pick, and never says "export export"', () => {
    const slack = IMPORTERS.find((i) => i.format === 'slack')!;
    assert.equal(importPickerTitle(slack), `The ${slack.label} to import: a folder or one file`);
    assert.equal(importPickerTitle({ label: 'Slack channel export', input: 'file-or-folder' }), 'The Slack channel export to import: a folder or one file');
    assert.equal(importPickerTitle({ label: 'CSV', input: 'file' }), 'The CSV export file to import');
    assert.equal(importPickerTitle({ label: 'git log', input: 'folder' }), 'Repository folder to read git log from');
    for (const importer of IMPORTERS) {
      const title = importPickerTitle(importer);
      assert.equal(title.split(importer.label).length, 2, `${title}: names ${importer.label} once`);
      assert.doesNotMatch(title, /\b(\w+) \1\b/i, title);
    }
  });
});

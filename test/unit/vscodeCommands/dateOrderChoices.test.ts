import assert from 'node:assert/strict';
import { AmbiguousDateOrderError, readCsvTimeline } from '../../../src/core/import';
import { dateOrderChoices } from '../../../src/vscode/importing/dateOrderChoices';

describe('Import Timeline in the editor: the question for an ambiguous CSV date (trial 13a F8)', () => {
  it('offers the two readings of the export\'s first such date, each giving the order the import is run again with', () => {
    let error: unknown;
    try {
      readCsvTimeline('Date,Time,Alert\n06/12/2026,23:52:10,5xx\n', { name: 'alerts.csv', zone: 'Asia/Kolkata' });
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof AmbiguousDateOrderError);
    const choices = dateOrderChoices(error.example);
    assert.deepEqual(choices.map((c) => [c.label, c.order]), [
      ['06/12/2026 is 12 June 2026', 'month-first'],
      ['06/12/2026 is 6 December 2026', 'day-first'],
    ]);
    // The picked order reads the export, as the editor's retry does.
    const read = readCsvTimeline('Date,Time,Alert\n06/12/2026,23:52:10,5xx\n', { name: 'alerts.csv', zone: 'Asia/Kolkata', dateOrder: choices[1].order });
    assert.equal(new Date(read.events[0].instant).toISOString(), '2026-12-06T18:22:10.000Z');
  });
});

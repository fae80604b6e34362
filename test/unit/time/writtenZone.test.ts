import { strict as assert } from 'node:assert';
import { readWrittenZone } from '../../../src/core/time/writtenZone';

// What a person types as a zone: the CLI's --zone and the editor's "Another zone…" read it one way.
describe('readWrittenZone: a zone a person typed', () => {
  it('takes an IANA zone in any case, in its canonical spelling', () => {
    assert.deepEqual(readWrittenZone(' asia/kolkata ', 'iana', '--zone'), { zone: 'Asia/Kolkata' });
    assert.deepEqual(readWrittenZone('UTC', 'iana', '--zone'), { zone: 'UTC' });
  });

  it('takes an offset as the zone times are read in, in one spelling, but not as a zone to write into a file', () => {
    assert.deepEqual(readWrittenZone('UTC+2', 'reading', 'the zone'), { zone: '+02:00' });
    assert.deepEqual(readWrittenZone('+0530', 'reading', 'the zone'), { zone: '+05:30' });
    assert.ok('problem' in readWrittenZone('+05:30', 'iana', '--zone'));
  });

  it('refuses an abbreviation with one meaning and names its region', () => {
    const read = readWrittenZone('PST', 'reading', 'the zone');
    assert.ok('problem' in read);
    assert.match(read.problem, /PST is an abbreviation, a fixed UTC−8 all year.*like America\/Los_Angeles/);
  });

  it('refuses an abbreviation with several meanings and names them all, not one guessed', () => {
    const read = readWrittenZone('ist', 'reading', 'the zone');
    assert.ok('problem' in read);
    assert.match(read.problem, /^Expected the zone to be .*found "ist" \(IST is an abbreviation with several meanings: India Standard Time \(UTC\+5:30\), Irish Standard Time \(UTC\+1\), Israel Standard Time \(UTC\+2\); write the IANA zone meant, like Asia\/Kolkata, Europe\/Dublin or Asia\/Jerusalem\)$/);
    // Under an input box that shows what was typed: the reason alone.
    assert.match(read.reason, /^IST is an abbreviation with several meanings: India/);
  });

  it('suggests the zone a slip most likely meant', () => {
    const read = readWrittenZone('Europe/Berln', 'iana', '--zone');
    assert.ok('problem' in read);
    assert.match(read.problem, /did you mean Europe\/Berlin\?$/);
  });
});

import { strict as assert } from 'node:assert';
import { defaultExportZone, documentZone } from '../../../src/core/import/exportZone';
import { readImportTarget } from '../../../src/core/import';
import { zoneChoices, zoneNameProblem } from '../../../src/vscode/importing/zoneChoices';

describe('the zone for export times without one (VS Code import)', () => {
  const doc = (zone: string) => documentZone({ timezone: zone });

  it('uses the front matter timezone when it is a real zone, and asks otherwise', () => {
    assert.deepEqual(documentZone({ timezone: ' Europe/Berlin ' }), { zone: 'Europe/Berlin', because: 'the timezone in the front matter' });
    assert.deepEqual(documentZone({ timezone: 3 }), {});
    assert.deepEqual(documentZone({}), {});
    assert.deepEqual(defaultExportZone(undefined, doc('Europe/Berlin')), { zone: 'Europe/Berlin', because: 'the timezone in the front matter' });
    assert.equal(defaultExportZone(undefined, {}), undefined);
  });

  it('reads a fixed offset and a one-meaning abbreviation as lint does, saying the offset; asks about an abbreviation with several meanings and an unknown name, saying why', () => {
    assert.deepEqual(doc('+05:30'), { zone: '+05:30', because: "the front matter's timezone: +05:30, a fixed offset" });
    assert.deepEqual(doc('UTC+2'), { zone: '+02:00', because: "the front matter's timezone: UTC+2, a fixed offset (+02:00)" });
    assert.deepEqual(doc('-0330'), { zone: '-03:30', because: "the front matter's timezone: -0330, a fixed offset (-03:30)" });
    assert.deepEqual(doc('CEST'), {
      zone: '+02:00',
      because: "the front matter's timezone: CEST, an abbreviation read as the fixed offset +02:00 on every date, as lint reads it; if the export's times are the local clock of Europe/Berlin, give that zone instead",
    });
    assert.equal(doc('JST').zone, '+09:00');
    assert.deepEqual(doc('IST'), {
      problem: "the front matter's timezone: IST has several meanings (India Standard Time (UTC+5:30), Irish Standard Time (UTC+1), Israel Standard Time (UTC+2))",
      meanings: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
    });
    assert.deepEqual(doc('CST').meanings, ['America/Chicago', 'Asia/Shanghai', 'Australia/Adelaide']);
    assert.deepEqual(doc('Europe/Berln'), { problem: "the front matter's timezone: Europe/Berln is not a time zone (did you mean Europe/Berlin?)" });
    assert.deepEqual(doc('Mars/Olympus'), { problem: "the front matter's timezone: Mars/Olympus is not a time zone" });
    assert.deepEqual(doc('UTC'), { zone: 'UTC', because: 'the timezone in the front matter' });
    assert.equal(defaultExportZone(undefined, doc('IST')), undefined);
    assert.deepEqual(defaultExportZone(undefined, doc('+05:30'), 'Europe/Berlin'), { zone: '+05:30', because: "the front matter's timezone: +05:30, a fixed offset" });
  });

  it('asks instead of reading local export times as UTC when the document says UTC and the writer is elsewhere', () => {
    assert.equal(defaultExportZone(undefined, doc('UTC'), 'Europe/Berlin'), undefined);
    assert.equal(defaultExportZone(undefined, doc('Etc/UTC'), 'America/Los_Angeles'), undefined);
    assert.equal(defaultExportZone(undefined, doc('+00:00'), 'America/Los_Angeles'), undefined);
    assert.deepEqual(defaultExportZone(undefined, doc('UTC'), 'UTC'), { zone: 'UTC', because: 'the timezone in the front matter' });
    assert.deepEqual(defaultExportZone(undefined, doc('Asia/Tokyo'), 'Europe/Berlin'), { zone: 'Asia/Tokyo', because: 'the timezone in the front matter' });
    assert.equal(defaultExportZone('UTC', doc('UTC'), 'Europe/Berlin')?.zone, 'UTC', 'a zone passed by a script is not second-guessed');
  });

  it('prefers a zone passed by a script over the document', () => {
    assert.equal(defaultExportZone('UTC', doc('Europe/Berlin'))?.zone, 'UTC');
  });

  it('offers UTC, the document zone and the machine zone once each, then Other…', () => {
    assert.deepEqual(zoneChoices('Europe/Berlin', 'America/New_York').map((c) => [c.label, c.zone]), [
      ['UTC', 'UTC'], ['Europe/Berlin', 'Europe/Berlin'], ['America/New_York', 'America/New_York'], ['Other…', undefined],
    ]);
    assert.deepEqual(zoneChoices(undefined, 'UTC').map((c) => c.label), ['UTC', 'Other…']);
    assert.deepEqual(zoneChoices('Europe/Berlin', 'Europe/Berlin').map((c) => c.label), ['UTC', 'Europe/Berlin', 'Other…']);
    assert.match(zoneChoices(undefined, 'Asia/Tokyo')[1].description, /your time zone/);
    // timezone: IST: the zones it may mean are offered, each once.
    assert.deepEqual(zoneChoices(undefined, 'Asia/Kolkata', ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem']).map((c) => c.label), ['UTC', 'Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem', 'Other…']);
  });

  it('accepts only IANA names in "Other…"', () => {
    assert.equal(zoneNameProblem('Europe/Berlin'), undefined);
    assert.equal(zoneNameProblem(' America/New_York '), undefined);
    assert.match(zoneNameProblem('Berlin time') ?? '', /Expected the zone to be an IANA time zone \(like Europe\/Berlin\), UTC, or an offset \(like \+05:30\), found "Berlin time"/);
    assert.match(zoneNameProblem('  ') ?? '', /Expected the zone to be an IANA time zone/);
    // As the CLI's --zone: an offset is exact, an abbreviation is refused with its meanings.
    assert.equal(zoneNameProblem('+05:30'), undefined);
    assert.match(zoneNameProblem('IST') ?? '', /^IST is an abbreviation with several meanings: India Standard Time \(UTC\+5:30\), Irish Standard Time \(UTC\+1\), Israel Standard Time \(UTC\+2\)/);
  });

  it('takes the zone from the pipeline\'s own read: the zone the window is read in, however timezone: is written', () => {
    const written: [string, string | undefined][] = [
      ['timezone: Asia/Tokyo', 'Asia/Tokyo'], ['timezone: "Asia/Tokyo"', 'Asia/Tokyo'], ["timezone: 'Asia/Tokyo'  # the team's", 'Asia/Tokyo'],
      ['timezone: Asia/Tokyo # was Europe/Berlin', 'Asia/Tokyo'], ['# timezone: Asia/Tokyo', undefined], ['timezone: "Asia/Tokyo # x"', undefined],
      ['timezone: |\n  Asia/Tokyo', 'Asia/Tokyo'], ['timezone: Europe/Berlin\ntimezone: Asia/Tokyo', 'Asia/Tokyo'],
    ];
    for (const [line, zone] of written) {
      const target = readImportTarget(`---\ntitle: t\n${line}\nstarted_at: 2026-03-01 10:00\n---\n\n## Timeline\n\n- 10:00 [started] x\n`);
      assert.equal(target.zone.zone, zone, line);
      // 10:00 in Tokyo is 01:00Z: the window starts where the zone-less export times are read.
      if (zone) assert.equal(target.document.timeline[0]?.instant, Date.parse('2026-03-01T01:00:00Z'), line);
    }
  });
});

import { strict as assert } from 'node:assert';
import { lintText } from '../../../src/core/lint/engine';
import { instantProblem } from '../../../src/core/time/instant';
import { convertPostmortem } from '../../../src/core/import/convert';
import { dateProblem, describeLocalTimeIssue, LOCAL_TIME_ADVICE, localTimeIssue, localTimeIssueFact } from '../../../src/core/time/zones';

const local = (month: number, day: number, hour: number, minute: number) => ({ year: 2026, month, day, hour, minute, second: 0 });

describe('local times a DST change skips or repeats', () => {
  it('names a skipped time and the jump of the clocks', () => {
    const issue = localTimeIssue(local(3, 29, 2, 30), 'Europe/Berlin');
    assert.equal(issue?.kind, 'gap');
    assert.equal(describeLocalTimeIssue(issue!), '02:30 on 2026-03-29 does not exist in Europe/Berlin (clocks went from 02:00 to 03:00); write the UTC time or an explicit offset');
  });

  it('names a repeated time with both UTC times it can mean', () => {
    const issue = localTimeIssue(local(10, 25, 2, 30), 'Europe/Berlin');
    assert.equal(issue?.kind, 'overlap');
    assert.deepEqual(issue?.instants, [Date.UTC(2026, 9, 25, 0, 30), Date.UTC(2026, 9, 25, 1, 30)]);
    assert.match(describeLocalTimeIssue(issue!), /^02:30 on 2026-10-25 happens twice in Europe\/Berlin \(clocks went back from 03:00 to 02:00\): at 00:30Z and at 01:30Z; write the UTC time or an explicit offset$/);
  });

  it('knows half-hour changes and other hemispheres', () => {
    assert.equal(localTimeIssue(local(4, 5, 1, 45), 'Australia/Lord_Howe')?.clockTo, '01:30');
    assert.equal(localTimeIssue(local(3, 8, 2, 15), 'America/Los_Angeles')?.kind, 'gap');
    assert.equal(localTimeIssue(local(11, 1, 1, 15), 'America/Los_Angeles')?.kind, 'overlap');
  });

  it('finds nothing next to the change, on other days, in UTC, or with a fixed offset', () => {
    for (const [month, day, hour, minute] of [[3, 29, 1, 59], [3, 29, 3, 0], [10, 25, 1, 59], [10, 25, 3, 0], [7, 1, 2, 30]]) {
      assert.equal(localTimeIssue(local(month, day, hour, minute), 'Europe/Berlin'), undefined, `${month}-${day} ${hour}:${minute}`);
    }
    assert.equal(localTimeIssue(local(10, 25, 2, 30), 'UTC'), undefined);
    assert.equal(localTimeIssue(local(10, 25, 2, 30), '+02:00'), undefined);
    assert.equal(localTimeIssue(local(10, 25, 2, 30), 'CEST'), undefined);
  });
});

describe('front-matter times that name no single instant', () => {
  it('says why: a day the month lacks, a leap second, a DST gap or overlap in `timezone`', () => {
    assert.equal(dateProblem(2026, 2, 30), '2026-02-30 does not exist: February 2026 has 28 days');
    assert.equal(instantProblem('2026-02-30T10:00:00Z'), '2026-02-30 does not exist: February 2026 has 28 days');
    assert.match(String(instantProblem('2026-11-01T23:59:60Z')), /seconds run from 00 to 59, found 60/);
    assert.match(String(instantProblem('2026-03-29 02:30', 'Europe/Berlin')), /does not exist in Europe\/Berlin/);
    assert.match(String(instantProblem('2026-10-25T02:30:00', 'Europe/Berlin')), /happens twice/);
    assert.equal(instantProblem('2026-10-25T02:30:00+02:00', 'Europe/Berlin'), undefined, 'an explicit offset is unambiguous');
    assert.equal(instantProblem('2026-10-25T02:30:00Z', 'Europe/Berlin'), undefined);
  });
});

describe('schema/format on such front-matter times', () => {
  it('says the date does not exist, or the local time is skipped, and offers no guessed fix', () => {
    const text = '---\ntype: postmortem\ntitle: T\nstatus: draft\ntimezone: Europe/Berlin\nstarted_at: 2026-02-30T10:00:00Z\ndetected_at: 2026-03-29 02:30\nresolved_at: 2026-10-25 04:00\n---\n# T\n';
    const found = lintText(text, { now: new Date('2026-11-27T12:00:00Z') }).diagnostics.filter((d) => d.code === 'schema/format');
    assert.equal(found.length, 3);
    assert.match(found[0].message, /found "2026-02-30T10:00:00Z": 2026-02-30 does not exist: February 2026 has 28 days$/);
    assert.match(found[1].message, /: 02:30 on 2026-03-29 does not exist in Europe\/Berlin \(clocks went from 02:00 to 03:00\)/);
    assert.deepEqual(found.map((d) => d.fixes?.length ?? 0), [0, 0, 1], 'only the time that exists once is fixed');
    const leap = lintText(text.replace('resolved_at: 2026-10-25 04:00', 'resolved_at: 2026-11-01T23:59:60Z'), { now: new Date('2026-11-27T12:00:00Z') }).diagnostics.filter((d) => d.code === 'schema/format');
    assert.match(leap[2].message, /found "2026-11-01T23:59:60Z": seconds run from 00 to 59, found 60/, 'the schema accepts a leap second; the rule does not');
  });
});

describe('convert says what the lint says about a time the clocks skipped or repeated', () => {
  it('the same fact, then what convert did, and the advice once', () => {
    const r = convertPostmortem(['# Outage on 2026-03-29', '', 'Timezone: Europe/Berlin', '', '## Timeline', '', '- 02:30 Alert fired', '- 03:10 Fixed', ''].join('\n'));
    const said = r.diagnostics.filter((d) => d.code === 'convert/ambiguous-time').map((d) => d.message);
    const fact = localTimeIssueFact(localTimeIssue(local(3, 29, 2, 30), 'Europe/Berlin')!);
    assert.deepEqual(said, [`${fact}: kept as written ("2026-03-29 02:30 Europe/Berlin"), not converted — ${LOCAL_TIME_ADVICE}`]);
  });
});

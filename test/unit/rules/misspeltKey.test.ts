import assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';

const NOW = new Date('2026-11-27T12:00:00Z');
const doc = (yaml: string): string => `---\ntype: postmortem\nstatus: draft\n${yaml}---\n# Title\n`;
const misspelt = (yaml: string): string[] => lintText(doc(yaml), { now: NOW }).diagnostics
  .filter((d) => d.code === 'front-matter/misspelt-key')
  .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

describe('front-matter/misspelt-key', () => {
  it('names the documented key a slip was meant to be, at the key', () => {
    assert.deepEqual(misspelt('severty: SEV2\n'), ['4:1 Expected `severity`, found `severty`: an unknown key is ignored, so its value is not checked or used']);
    assert.deepEqual(misspelt('time_zone: Europe/Berlin\nresolved: 2026-11-20T10:00:00Z\n').map((m) => m.split(':')[0] + ' ' + /`(\w+)`/.exec(m)![1]), ['4 timezone', '5 resolved_at']);
  });

  it('leaves a team\'s own keys alone: far from every documented key, too short to judge, or the key is there too', () => {
    assert.deepEqual(misspelt('team: payments\nrunbook: https://example.com\nids: [1]\nuuid: 00b7f759\nowner: ana\nsource: blog\n'), []);
    assert.deepEqual(misspelt('severity: SEV2\nseverty: SEV1\n'), []);
  });

  it('renames the key with its fix, keeping the value', () => {
    const { text } = fixAll(doc('severty: SEV2 # set by the IC\n'), { now: NOW });
    assert.match(text, /\nseverity: SEV2 # set by the IC\n/);
  });

  it('suggests the nested impact key a misspelt one was meant to be', () => {
    const found = lintText(doc('impact:\n  users_afected: 3\n  downtime: 4\n'), { now: NOW }).diagnostics.filter((d) => d.code === 'schema/unknown-key');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /Expected `users_affected` in `impact`, found `users_afected`/);
    assert.equal(found[0].fixes?.[0].edits[0].newText, 'users_affected');
    assert.match(found[1].message, /Unexpected key `downtime` in `impact`; expected one of `users_affected`/);
  });
});

describe('schema/enum suggestions', () => {
  const enumFindings = (yaml: string) => lintText(`---\ntype: postmortem\n${yaml}---\n# Title\n`, { now: NOW }).diagnostics.filter((d) => d.code === 'schema/enum');

  it('offers the one value a typing slip was meant to be, not as the preferred (auto) fix', () => {
    const [d] = enumFindings('status: drafty\n');
    assert.deepEqual(d.fixes?.map((f) => [f.title, f.isPreferred]), [['Change to "draft"', false]]);
  });

  it('offers nothing when several values are as close (SEV9), and says "nothing" for an empty value', () => {
    assert.equal(enumFindings('status: draft\nseverity: SEV9\n')[0].fixes?.length ?? 0, 0);
    assert.match(enumFindings('status:\n')[0].message, /found nothing$/);
  });
});

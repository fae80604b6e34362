import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint/engine';

const NOW = new Date('2026-11-27T12:00:00Z');

/** The schema diagnostics of a post-mortem with these front-matter lines, as `line:column code message`. */
function schemaFindings(yaml: string): string[] {
  const text = `---\ntype: postmortem\nstatus: draft\n${yaml}---\n# Title\n`;
  return lintText(text, { now: NOW }).diagnostics
    .filter((d) => d.code.startsWith('schema'))
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
}

describe('schema messages in plain words (no ajv wording)', () => {
  it('names a duplicate list item and points at its second occurrence', () => {
    assert.deepEqual(schemaFindings('title: T\ntags: [db, network, db]\n'), ['5:21 schema/unique-items Expected unique `tags`, found "db" twice']);
    assert.deepEqual(schemaFindings('title: T\nrelated:\n  - PM-1\n  - PM-1\n'), ['7:5 schema/unique-items Expected unique `related`, found "PM-1" twice']);
  });

  it('states the lower bound of a number with what was found', () => {
    assert.deepEqual(schemaFindings('title: T\nimpact:\n  users_affected: -5\n'), ['6:19 schema/minimum Expected `impact.users_affected` to be 0 or more, found -5']);
  });

  it('says an empty title or list item must not be empty', () => {
    assert.deepEqual(schemaFindings('title: ""\n'), ['4:8 schema/min-length Expected `title` not to be empty']);
    assert.deepEqual(schemaFindings('title: T\nservices: [checkout, ""]\n'), ['5:22 schema/min-length Expected `services` item 2 not to be empty']);
  });

  it('explains the id pattern with an example', () => {
    assert.deepEqual(schemaFindings('title: T\nid: PM 2026/7\n'), [
      '5:5 schema/pattern Expected `id` to start with a letter or digit and use only letters, digits, ".", "_" and "-" (like PM-2026-014), found "PM 2026/7"',
    ]);
  });

  it('names a list item by its position, counted from 1', () => {
    assert.deepEqual(schemaFindings('title: T\ntags: [db, 3]\n'), ['5:12 schema/type Expected `tags` item 2 to be a string, found number 3']);
  });

  it('says a well-formed date that does not exist does not exist', () => {
    const [finding] = schemaFindings('title: T\nstarted_at: 2026-02-30T10:00:00Z\n');
    assert.match(finding, /^5:13 schema\/format Expected `started_at` to be a date and time that exist, found "2026-02-30T10:00:00Z": 2026-02-30 does not exist/);
    assert.doesNotMatch(finding, /ISO 8601/);
  });

  it('never passes ajv wording through', () => {
    const all = schemaFindings('title: ""\nid: "-x"\ntags: [a, a, ""]\nimpact:\n  users_affected: -1\n  revenue_usd: -2\n  other: 1\nstarted_at: nope\n');
    assert.ok(all.length >= 7, all.join('\n'));
    for (const f of all) assert.doesNotMatch(f, /must (NOT )?(have|be|match)|satisfy|##/, f);
  });
});

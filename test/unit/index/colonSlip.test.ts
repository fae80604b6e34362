import assert from 'node:assert/strict';
import { colonSlip } from '../../../src/core/frontMatter/colonSlip';
import { readSummary } from '../../../src/core/index';

describe('the colon slip in a front matter (title: Outage: DB down)', () => {
  it('finds a plain value holding ": " and quotes it as YAML reads a double-quoted string', () => {
    assert.deepEqual(colonSlip('title: Outage: DB primary down'), { key: 'title', start: 7, end: 30, quoted: '"Outage: DB primary down"' });
    assert.equal(colonSlip('summary: He said "stop": we did  ')?.quoted, '"He said \\"stop\\": we did"');
    assert.equal(colonSlip('  cause: Root:')?.key, 'cause');
  });

  it('leaves alone what YAML reads fine or what it cannot quote for sure', () => {
    for (const line of ['link: https://example.com/a', 'started_at: 2026-11-20T10:00:00Z', 'title: "Outage: quoted"', "title: 'Outage: quoted'",
      'tags: [a: b]', 'id: PM-1\rtitle: Outage: down', 'title: A: B # a comment', 'title: |', '- item: value: x', 'plain line']) {
      assert.equal(colonSlip(line), undefined, line);
    }
  });

  it('the summary says the front matter was not read, and how to mend it', () => {
    const s = readSummary('---\ntype: postmortem\ntitle: Outage: DB primary down\nstarted_at: 2026-11-20T10:00:00Z\n---\n\n# X\n');
    assert.equal(s.milestones.started, undefined);
    assert.match(s.problems[0]!, /^Front matter not read, line 3: .*Quote it: title: "Outage: DB primary down"$/);
  });
});

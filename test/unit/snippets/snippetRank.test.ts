import assert from 'node:assert/strict';
import { sectionAtLine, snippetSortText } from '../../../src/vscode/snippets/snippetRank';

/** The offered prefixes in the order VS Code lists them: by sortText (the contributed ones are `z-<prefix>` on Ctrl+Space). */
function listed(section: Parameters<typeof snippetSortText>[1], contributed: boolean): string[] {
  const ours = ['pm-timeline', 'pm-timeline-utc', ...(contributed ? [] : ['pm-timeline-local', 'pm-action', 'pm-whys', 'pm-interview', 'pm-fishbone', 'pm-faulttree', 'pm-impact', 'pm-review-checklist'])];
  const all = ours.map((p) => [p, snippetSortText(p, section)] as const);
  if (contributed) for (const p of ['pm-timeline-local', 'pm-action', 'pm-whys', 'pm-interview', 'pm-fishbone', 'pm-faulttree', 'pm-impact', 'pm-review-checklist']) all.push([p, `z-${p}`]);
  return all.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).map(([p]) => p);
}

const DOC = [
  '---', 'id: PM-1', '## not a heading: front matter', '---', '', '# Incident', '', '## Timeline', '', '- 10:00Z detected', '',
  '## Root cause', '', '```', '## Action items', '```', '', // a heading in fenced code is not one
  '## Action items', '', '- [ ] Add an alert', '', '## Lessons ##', '',
];
const at = (line: number, from = 4) => sectionAtLine((n) => DOC[n]!, from, line);

describe('pm- snippets are ranked by the section the cursor is in (trial19a F6)', () => {
  it('reads the section under the cursor: the last ## heading above it, outside fenced code and the front matter', () => {
    assert.equal(at(6), undefined);
    assert.equal(at(10), 'timeline');
    assert.equal(at(16), 'root-cause');
    assert.equal(at(19), 'action-items');
    assert.equal(at(22), 'lessons');
    // The file's own section names (.postmortemrc.json sectionAliases, lower-cased as the config reads them).
    const own = (n: number) => ['# T', '', '## Todo list', ''][n]!;
    assert.equal(sectionAtLine(own, 0, 3), undefined);
    assert.equal(sectionAtLine(own, 0, 3, { ...emptyAliases(), 'action-items': ['todo list'] }), 'action-items');
  });

  it('under Action items lists pm-action first, typed (`pm-`) and on Ctrl+Space, and the timeline entries after it', () => {
    const typed = listed('action-items', false);
    assert.equal(typed[0], 'pm-action');
    assert.ok(typed.indexOf('pm-timeline') > typed.indexOf('pm-whys'), typed.join(', '));
    const invoked = listed('action-items', true);
    assert.equal(invoked[0], 'pm-action');
    assert.deepEqual(invoked.slice(-2), ['pm-timeline', 'pm-timeline-utc']);
  });

  it('keeps the timeline entry first in the Timeline and where no section has snippets of its own', () => {
    for (const section of ['timeline', undefined, 'lessons'] as const) {
      assert.deepEqual(listed(section, false).slice(0, 2), ['pm-timeline', 'pm-timeline-utc'], String(section));
      assert.deepEqual(listed(section, true).slice(0, 2), ['pm-timeline', 'pm-timeline-utc'], String(section));
    }
    assert.equal(listed('timeline', false)[2], 'pm-timeline-local');
  });

  it('lists the root-cause diagrams and whys first under Root cause, and the impact table under Impact', () => {
    assert.deepEqual(listed('root-cause', false).slice(0, 3), ['pm-whys', 'pm-fishbone', 'pm-faulttree']);
    assert.equal(listed('impact', false)[0], 'pm-impact');
  });
});

function emptyAliases() {
  return { summary: [], impact: [], timeline: [], 'root-cause': [], response: [], 'action-items': [], lessons: [] };
}

import assert from 'node:assert/strict';
import { isOverdue } from '../../../src/core/index/summary';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';

const pm = (id: string, items: string) => `---\ntype: postmortem\nid: ${id}\nstatus: draft\n---\n\n## Action items\n\n${items}\n`;

describe('WorkspaceIndex', () => {
  it('lists the ids two files share, with both files, until one is renamed (front-matter/duplicate-id)', () => {
    const index = new WorkspaceIndex();
    index.set('file:///a.md', pm('PM-H1', ''));
    index.set('file:///b.md', pm('PM-H1', ''));
    index.set('file:///c.md', pm('PM-C', ''));
    assert.deepEqual([...index.sharedIds()], [['PM-H1', ['file:///a.md', 'file:///b.md']]]);
    assert.equal(index.sharedIds(), index.sharedIds(), 'the same map while nothing changed (sent to the lint thread once)');
    index.set('file:///b.md', pm('PM-H2', ''));
    assert.equal(index.sharedIds().size, 0);
  });

  it('collects ids, owners and open items across files', () => {
    const index = new WorkspaceIndex();
    index.set('file:///a.md', pm('PM-A', '- [ ] Alert @bob due:2026-11-01\n- [x] Done @bob\n- [ ] Docs @Carol'));
    index.set('file:///b.md', pm('PM-B', '- [ ] Load test @alice due:2026-12-24'));
    assert.deepEqual([...index.knownIds()].sort(), ['PM-A', 'PM-B']);
    assert.deepEqual(index.owners(), ['alice', 'bob', 'Carol']);
    assert.deepEqual(index.openItems().map((o) => o.item.description), ['Alert', 'Docs', 'Load test']);
    assert.deepEqual(index.openItems({ owner: '@carol' }).map((o) => o.uri), ['file:///a.md']);
    assert.deepEqual(index.openItems({ overdueAt: '2026-11-27' }).map((o) => o.item.owner), ['bob']);
    assert.deepEqual(index.openItems({ owner: 'alice', overdueAt: '2026-11-27' }), []);
    // "Show done" in the tree: done items too, with the same owner filter; never among overdue ones.
    assert.deepEqual(index.openItems({ owner: '@BOB', includeDone: true }).map((o) => [o.item.description, o.item.isDone]), [['Alert', false], ['Done', true]]);
    assert.deepEqual(index.openItems({ includeDone: true, overdueAt: '2026-11-27' }).map((o) => o.item.description), ['Alert']);
  });

  it('rescans one file on set and forgets it on delete, telling listeners which file changed', () => {
    const index = new WorkspaceIndex();
    const heard: string[][] = [];
    const sub = index.onDidChange((uris) => heard.push(uris));
    index.set('a', pm('PM-A', '- [ ] One @x'));
    index.set('b', pm('PM-B', '- [ ] Two @y'));
    index.set('a', pm('PM-A2', '- [ ] One @x'));
    assert.deepEqual([...index.knownIds()].sort(), ['PM-A2', 'PM-B']);
    index.delete('b');
    assert.deepEqual([...index.knownIds()], ['PM-A2']);
    assert.equal(index.get('b'), undefined);
    assert.deepEqual(heard, [['a'], ['b'], ['a'], ['b']]);
    sub.dispose();
    index.set('a', pm('PM-A3', ''));
    assert.equal(heard.length, 4, 'a disposed listener hears nothing');
  });

  it('stays quiet when an edit does not change what the index shows', () => {
    const index = new WorkspaceIndex();
    const text = '---\nid: PM-A\n---\n\n## Summary\n\nThe pool was too small.\n\n## Action items\n\n- [ ] One @x\n';
    index.set('a', text);
    let calls = 0;
    index.onDidChange(() => calls++);
    index.set('a', text.replace('too small', 'far too small'));
    assert.equal(calls, 0);
    assert.equal(index.get('a')?.abstract, 'The pool was far too small.', 'the new prose is kept, quietly');
    index.delete('missing');
    assert.equal(calls, 0);
  });

  it('keeps a file with broken YAML in the index with its items', () => {
    const index = new WorkspaceIndex();
    index.set('bad', '---\ntitle: [oops\n---\n\n## Action items\n\n- [ ] Still here @z\n');
    assert.equal(index.openItems().length, 1);
    assert.ok(index.get('bad')!.problems.length > 0);
  });

  it('isOverdue compares the due day with today in UTC', () => {
    assert.equal(isOverdue({ isDone: false, due: '2026-11-26' }, '2026-11-27'), true);
    assert.equal(isOverdue({ isDone: false, due: '2026-11-27' }, '2026-11-27'), false);
    assert.equal(isOverdue({ isDone: true, due: '2026-01-01' }, '2026-11-27'), false);
    assert.equal(isOverdue({ isDone: false }, '2026-11-27'), false);
  });
});

import assert from 'node:assert/strict';
import { findIdOccurrences, idOccurrenceAt, renameProblem } from '../../../src/core/api';

const known = new Set(['PM-1', 'PM-2026-005', 'INC.7']);
const isKnown = (id: string) => known.has(id);
const show = (text: string) => findIdOccurrences(text, isKnown).map((o) => `${o.place}:${o.id}@${o.line}:${o.start}-${o.end}`);

describe('post-mortem ids in a document', () => {
  it('finds the own id, related entries (block and flow) and whole-word mentions in text', () => {
    const text = [
      '---', 'id: PM-9', 'title: About PM-1 in the title', 'related:', '  - PM-1', '  - PM-404', 'tags: [PM-1]', 'see_also: [PM-2026-005, INC.7]', 'related_flow: x', '---',
      '', 'Like PM-2026-005. And PM-10, not PM-1x; (INC.7).',
    ].join('\n');
    assert.deepEqual(show(text), ['id:PM-9@1:4-8', 'related:PM-1@4:4-8', 'text:PM-2026-005@11:5-16', 'text:INC.7@11:41-46']);
  });

  it('reads flow lists and quoted ids, and ignores comments after the value', () => {
    assert.deepEqual(show('---\nid: "PM-3" # was PM-1\nrelated: [PM-1, "INC.7"]\n---\n'), ['id:PM-3@1:5-9', 'related:PM-1@2:10-14', 'related:INC.7@2:17-22']);
  });

  it('finds the id and related entries of a front matter written as one flow mapping (trial15a F10)', () => {
    assert.deepEqual(show('---\n{type: postmortem, id: "PM-3", related: [PM-1, PM-404, \'INC.7\']}\n---\nSee PM-1.\n'), ['id:PM-3@1:24-28', 'related:PM-1@1:41-45', 'related:INC.7@1:56-61', 'text:PM-1@3:4-8']);
    assert.deepEqual(show('---\n{\n  id: PM-3,\n  related: PM-1,\n}\n---\n'), ['id:PM-3@2:6-10', 'related:PM-1@3:11-15']);
  });

  it('skips fenced code, and has no front matter without the opening line', () => {
    assert.deepEqual(show('# T\n\n```\nPM-1\n```\n\n~~~~\n```\nPM-1\n~~~~\nPM-1 here\n'), ['text:PM-1@10:0-4']);
    assert.deepEqual(show('id: PM-1\n'), ['text:PM-1@0:4-8']);
  });

  it('finds the id under the cursor, its end included', () => {
    const occ = findIdOccurrences('x PM-1 y', isKnown);
    assert.equal(idOccurrenceAt(occ, 0, 6)?.id, 'PM-1');
    assert.equal(idOccurrenceAt(occ, 0, 1), undefined);
  });

  it('stays linear on a long run of id characters and separators', () => {
    const text = `${'a-'.repeat(200_000)}\n${'-'.repeat(200_000)}`;
    assert.deepEqual(findIdOccurrences(text, isKnown), []);
  });

  it('refuses a rename to a malformed or taken id', () => {
    assert.match(renameProblem('PM-1', 'PM 2', known)!, /Expected an id of letters/);
    assert.match(renameProblem('PM-1', 'INC.7', known)!, /already the id/);
    assert.equal(renameProblem('PM-1', 'PM-2026-100', known), undefined);
  });
});

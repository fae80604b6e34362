import assert from 'node:assert/strict';
import { addRelatedEdit } from '../../../src/core/api';
import { applyEdits } from '../../../src/core/fix/applyEdits';

const add = (text: string, id: string) => {
  const edit = addRelatedEdit(text, id);
  return edit ? applyEdits(text, [edit]).text : undefined;
};

describe('adding an id to related', () => {
  it('appends to a block list, keeping its indent and comments', () => {
    assert.equal(add('---\nid: X\nrelated:\n    - PM-1 # first\ntags: [a]\n---\n', 'PM-2'), '---\nid: X\nrelated:\n    - PM-1 # first\n    - PM-2\ntags: [a]\n---\n');
  });
  it('adds to a flow list, an empty one, or writes a new list before the closing line', () => {
    assert.equal(add('---\nrelated: [PM-1]\n---\n', 'PM-2'), '---\nrelated: [PM-1, PM-2]\n---\n');
    assert.equal(add('---\nrelated: []\n---\n', 'PM-2'), '---\nrelated: [PM-2]\n---\n');
    assert.equal(add('---\r\nid: X\r\n---\r\n', 'PM-2'), '---\r\nid: X\r\nrelated:\r\n  - PM-2\r\n---\r\n');
  });
  it('writes inside a front matter that is one flow mapping, never a related: line after it (trial15a F10)', () => {
    assert.equal(add('---\n{type: postmortem, id: X}\n---\n', 'PM-2'), '---\n{type: postmortem, id: X, related: [PM-2]}\n---\n');
    assert.equal(add('---\n{type: postmortem, related: [PM-1], id: X}\n---\n', 'PM-2'), '---\n{type: postmortem, related: [PM-1, PM-2], id: X}\n---\n');
    assert.equal(add('---\n{\n  id: X,\n  related: [PM-1],\n}\n---\n', 'PM-2'), '---\n{\n  id: X,\n  related: [PM-1, PM-2],\n}\n---\n');
    assert.equal(addRelatedEdit('---\n{id: X, related: [PM-2]}\n---\n', 'PM-2'), undefined);
  });
  it('does nothing when the id is listed or there is no front matter', () => {
    assert.equal(addRelatedEdit('---\nrelated:\n  - "PM-2"\n---\n', 'PM-2'), undefined);
    assert.equal(addRelatedEdit('---\nrelated: [PM-2]\n---\n', 'PM-2'), undefined);
    assert.equal(addRelatedEdit('# no front matter\n', 'PM-2'), undefined);
  });
});

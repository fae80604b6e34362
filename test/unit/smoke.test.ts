import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
describe('toolchain', () => {
  it('parses markdown', () => {
    const tree = unified().use(remarkParse).parse('# hi');
    assert.equal(tree.children[0]?.type, 'heading');
  });
});

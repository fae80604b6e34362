import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { parseSectionMarkdown } from '../../../src/core/document/markdown';
import { walk } from '../../../src/core/document/mdastUtil';
import { mayLinkToFiles } from '../../../src/core/links/mayLinkToFiles';
import { linkTarget } from '../../../src/core/links/resolve';

/**
 * links/missing-file parses only sections that mayLinkToFiles lets through: it must never say no
 * where the section's Markdown tree holds a link, image or definition that leads to a path.
 */
describe('mayLinkToFiles', () => {
  it('never says no where the Markdown tree holds a link, image or definition to a path', () => {
    const piece = fc.constantFrom(
      '[a]: ./x.md', '[a]:./x', '[a]:\n  ./x', ' [a]: x.md', '> [a]: x', '- [a]: x', '1. [a]: x', '[^1]: [a]: x', '[^1]: note', '[a\\]b]: x', '[a\nb]: x',
      'G1["x<br/>y"]:::ftOr', '  G1["x"]:::ftOr', '```mermaid', '```', '[a](./x)', '[a](https://x)', '[a]: https://x', '[a]: #x', 'text [a]: x', '![i](img/x.png)',
      '[', ']', ':', '\\', '>', ' ', '\t', '\n', '\n', '\n\n', 'x', '[a]', '[b]: <./y z>', '[c]: ::ftOr', ']:', '[[a]]: x', '[a]]: x', '- ', '1) ', '    ',
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      let local = false;
      walk(parseSectionMarkdown(text), (n: Nodes) => {
        if ((n.type === 'link' || n.type === 'image' || n.type === 'definition') && linkTarget(n.url)) local = true;
      });
      if (local) assert.equal(mayLinkToFiles(text), true, JSON.stringify(text));
    }), { numRuns: 4000 });
  });

  it('lets Mermaid node labels with a class (`G1["…"]:::ftOr`) through without a parse', () => {
    assert.equal(mayLinkToFiles('```mermaid\nflowchart TB\n  G1["Checkout<br/>OR"]:::ftOr\n```\n'), false);
    assert.equal(mayLinkToFiles('> - [runbook]: ../runbooks/db.md\n'), true);
  });
});

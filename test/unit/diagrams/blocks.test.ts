import { strict as assert } from 'node:assert';
import { findMermaidBlocks } from '../../../src/core/diagrams/blocks';
import { fixture } from './fixtures';

describe('findMermaidBlocks', () => {
  it('finds fishbone, fault-tree and other mermaid blocks with whole-block and content ranges', () => {
    const blocks = findMermaidBlocks(fixture('postmortem.md'));
    assert.deepEqual(blocks.map((b) => [b.index, b.kind]), [[0, 'fishbone'], [1, 'fault-tree'], [2, 'other']]);
    assert.deepEqual(blocks[0].range, { start: { line: 8, character: 0 }, end: { line: 15, character: 3 } });
    assert.deepEqual(blocks[0].contentRange, { start: { line: 9, character: 0 }, end: { line: 14, character: 41 } });
    assert.equal(blocks[0].content.split('\n')[0], 'ishikawa-beta');
    assert.equal(blocks[1].content.split('\n')[0], 'flowchart TB');
  });

  it('ignores other languages, requires a matching closing fence and runs an unclosed fence to the end', () => {
    const text = [
      '```js', 'x', '```',
      '````mermaid', 'ishikawa', '  E', '```', '  still inside', '````',
      '   ~~~ mermaid', 'graph TB', '  A --> B',
    ].join('\n');
    const blocks = findMermaidBlocks(text);
    assert.equal(blocks.length, 2);
    assert.equal(blocks[0].kind, 'fishbone');
    assert.equal(blocks[0].content, 'ishikawa\n  E\n```\n  still inside');
    assert.equal(blocks[1].kind, 'other');
    assert.deepEqual(blocks[1].range.end, { line: 11, character: 9 });
  });

  // trial19b F3: `fta` analysed a fault tree commented out as an example and listed it before the real one.
  it('a fence inside an HTML comment or another HTML block is its text, not a diagram; a one-line comment hides nothing', () => {
    const text = [
      '<!-- an example:', '```mermaid', 'ishikawa', '  E', '```', '-->',
      '<pre>', '```mermaid', 'graph TB', '```', '</pre>',
      '<!-- one line -->',
      '```mermaid', 'flowchart TB', '  %% ft:fault-tree v2', '```',
    ].join('\n');
    const blocks = findMermaidBlocks(text);
    assert.deepEqual(blocks.map((b) => [b.index, b.kind, b.range.start.line]), [[0, 'fault-tree', 12]]);
    assert.deepEqual(findMermaidBlocks('<!--\n```mermaid\nishikawa\n```\n').length, 0, 'an unclosed comment hides the rest');
    assert.deepEqual(findMermaidBlocks('```mermaid\n<!--\n```\n```mermaid\nishikawa\n```').map((b) => b.range.start.line), [0, 3], 'a comment opener inside a block is its text');
  });

  it('does not treat a fence indented four spaces (an indented code block) as a fence', () => {
    assert.equal(findMermaidBlocks('    ```mermaid\n    ishikawa\n    ```').length, 0);
  });

  it('keeps CRLF documents exact: content without \\r, ranges in UTF-16 characters', () => {
    const text = '# T\r\n\r\n```mermaid\r\nishikawa-beta\r\n  Café ☕ down\r\n```\r\n';
    const [block] = findMermaidBlocks(text);
    assert.equal(block.content, 'ishikawa-beta\n  Café ☕ down');
    assert.deepEqual(block.contentRange.end, { line: 4, character: 13 });
    assert.deepEqual(block.range.end, { line: 5, character: 3 });
  });

  it('calls a flowchart a fault tree only when it carries the dialect marker', () => {
    const [plain, ft] = findMermaidBlocks('```mermaid\nflowchart TB\n  A --> B\n```\n```mermaid\nflowchart TB\n  %% ft:fault-tree v1\n```');
    assert.equal(plain.kind, 'other');
    assert.equal(ft.kind, 'fault-tree');
  });
});

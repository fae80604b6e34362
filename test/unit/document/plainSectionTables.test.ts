import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseSectionMarkdown } from '../../../src/core/document/markdown';
import { plainSectionTables, tablesOfTree } from '../../../src/core/document/plainSectionTables';

/**
 * The Impact table is read from the section's lines when they vouch for it (the Markdown tree cost
 * more than the rest of a usual post-mortem's lint). Wherever the lines give an answer it is the
 * tree's: the same tables, rows, cells, cell text and columns, on generated sections mixing prose,
 * bullets, tables of every width, escaped pipes, code spans, emphasis, links, entities and HTML.
 */
describe('section tables read from the lines', () => {
  it('are the tables the Markdown tree gives, wherever the lines can tell (generated sections)', () => {
    const header = fc.constantFrom('| Measure | Value |', '| Measure | Value | Notes |', '| Metric | EU | US |', '|  |  |', '| Measure |', '| *Measure* | Value |', '| Measure | Value', 'Measure | Value');
    const delimiter = fc.constantFrom('| --- | --- |', '|:-|-:|', '| - | - | - |', '|---|', '| :-: | --- |   ', '|--|--', '--- | ---');
    const row = fc.constantFrom(
      '| Users affected | 1,200 |', '| Downtime (minutes) | 47 min |', '| Revenue lost (USD) | $4,000 |', '| Business impact | Orders delayed |', '| Users affected | ~1,200 |',
      '| Users affected | **1,200** |', '| Users | 1 \\| 2 |', '| `code` | 3 |', '| [link](http://x) | 4 |', '| &amp; | 5 |', '| <b>x</b> | 6 |', '| a |', '||', '| a | b | c | d |',
      '| Downtime | 47 |   ', '| Downtime\t| 47\t|', '|  | 9 |', '| www.example.com | 10 |', '| x | 1_000 |', 'not a row', '  | indented | row |',
    );
    const table = fc.tuple(header, delimiter, fc.array(row, { maxLength: 5 })).map(([h, d, rs]) => [h, d, ...rs]);
    const line = fc.constantFrom('', '', '', '- 3,100 orders stayed pending.', '- 210 customers paid twice', 'Prose with 4 numbers.', '_About_ 5 minutes', '### Detail', '<!-- c -->', '  indented', '```', '> quote', '1. first').map((l) => [l]);
    fc.assert(fc.property(fc.array(fc.oneof({ arbitrary: table, weight: 2 }, { arbitrary: line, weight: 1 }), { maxLength: 6 }), (blocks) => {
      const text = ['## Impact', '', ...blocks.flat(), ''].join('\n');
      const plain = plainSectionTables(text, 'Impact');
      if (plain) assert.deepEqual(plain, tablesOfTree(parseSectionMarkdown(text)), text);
    }), { numRuns: 3000 });
  });

  it('are the tables the Markdown tree gives for generated well-formed tables of any width', () => {
    const cell = fc.constantFrom('Users affected', '1,200', '47 min', '$4,000', '', ' ', 'a  b', '~5', '**8**', '1 \\| 2', '`x`', 'x_y', 'www.example.com', '\t9\t', 'Ünïcödé 5', '\u00a010');
    const tableOf = (width: number) => fc.tuple(fc.array(cell, { minLength: width, maxLength: width }), fc.array(fc.array(cell, { minLength: 0, maxLength: width + 1 }), { maxLength: 4 }), fc.boolean())
      .map(([head, rows, closed]) => [head, head.map(() => '---'), ...rows].map((cells, k) => `|${cells.join('|')}${closed || k === 1 ? '|' : ''}`));
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }).chain(tableOf), fc.constantFrom('', 'Prose 5.', '- 3 items'), (table, before) => {
      const text = ['## Impact', '', before, '', ...table, ''].join('\n');
      const plain = plainSectionTables(text, 'Impact');
      if (plain) assert.deepEqual(plain, tablesOfTree(parseSectionMarkdown(text)), text);
    }), { numRuns: 2000 });
  });

  it('reads the pm-impact snippet\'s table from the lines', () => {
    const text = ['## Impact', '', '- 3,100 orders stayed pending.', '', '| Measure | Value |', '| --- | --- |', '| Users affected | 1,200 |', '| Revenue lost (USD) | $4,000 |', ''].join('\n');
    const tables = plainSectionTables(text, 'Impact');
    assert.ok(tables, 'read from the lines');
    assert.deepEqual(tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text))), [[['Measure', 'Value'], ['Users affected', '1,200'], ['Revenue lost (USD)', '$4,000']]]);
  });
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parsePostmortem } from '../../../src/core/document/parse';
import { readSummary } from '../../../src/core/index/readSummary';

const root = join(__dirname, '..', '..', '..');

function markdownFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return /\.md$/i.test(name) ? [path] : [];
  });
}

const files = [
  ...markdownFiles(join(root, 'test', 'fixtures')),
  ...markdownFiles(join(root, 'examples')),
  ...markdownFiles(join(__dirname, 'fixtures')),
];

/** What a user of the action-items tree sees of an item. */
function visible(item: { line: number; description: string; isDone: boolean; owner?: string; due?: string; ticket?: string; priority?: string; group?: string }) {
  return { line: item.line, description: item.description, isDone: item.isDone, owner: item.owner, due: item.due, ticket: item.ticket, priority: item.priority, group: item.group };
}

describe('readSummary (the index fast path)', () => {
  it('has fixtures of its own to compare on', () => {
    assert.ok(files.filter((f) => f.includes(join('unit', 'index'))).length >= 5);
  });

  for (const file of files) {
    it(`reads the same action items as the full parse: ${relative(root, file)}`, () => {
      const text = readFileSync(file, 'utf8');
      const full = parsePostmortem(text).actionItems.map((a) =>
        visible({ ...a, owner: a.owner?.value, due: a.due?.value, ticket: a.ticket?.value, priority: a.priority?.value }));
      // The index keeps a placeholder owner (`@owner`) apart, as `placeholderOwner`: the same words read.
      const fast = readSummary(text).actionItems.map((i) => visible({ ...i, owner: i.owner ?? i.placeholderOwner }));
      assert.deepEqual(fast, full);
    });
  }
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readSimpleFrontMatter } from '../../../src/core/frontMatter/simpleYaml';

const block = (text: string) => text.split('\n');

describe('the fast front-matter reader', () => {
  it('reads exactly what the YAML parser reads, for every example post-mortem', () => {
    const dir = join(__dirname, '../../../examples/postmortems');
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8');
      const yaml = text.split('\n---\n')[0].replace(/^---\n/, '');
      assert.deepEqual(readSimpleFrontMatter(block(yaml)), parse(yaml), name);
    }
  });

  it('agrees with YAML on scalars, lists and one nested mapping', () => {
    const cases = [
      'a: 12\nb: -3.5\nc: 1e3\nd: .5\ne: 007\nf: true\ng: False\nh: ~\ni: null\nj:',
      'id: PM-1\nwhen: 2026-11-20T14:09:00Z\nday: 2026-11-20\ntitle: Checkout down # a comment\nq: "quoted: yes"\nr: \'single\'',
      'services:\n  - checkout\n  - payments\ntags: [a, b-c, 3]\nempty: []\nflat:\n- x\n- y',
      'impact:\n  users_affected: 1200\n  business: Orders failed\n  list: [x]',
      'approvals:\n  - by: lena\n    at: 2026-01-15T15:00:00Z\n    verdict: approved\n  - by: lee # again\n\n    verdict: changes-requested\n    note: "Add: numbers"\nnext: 1',
      'approvals:\n- by: lena\n  tags: [a, b]\n- plain\nx: y',
    ];
    for (const c of cases) assert.deepEqual(readSimpleFrontMatter(block(c)), parse(c), c);
  });

  it('gives up (so the YAML parser runs) on what it does not handle', () => {
    for (const c of ['a: "esc\\"aped"', 'a: &x 1\nb: *x', 'a: |\n  block', 'a: {b: 1}', 'a:\n  b:\n    c: 1', 'a: 0x1F', 'a: .inf', 'a: 1\na: 2', 'a: b: c', ' indented: 1', 'a:\n  - b: 1\n     c: 2', 'a:\n  - b: 1\n    b: 2', 'a:\n  - b:\n      c: 1']) {
      assert.equal(readSimpleFrontMatter(block(c)), undefined, c);
    }
  });
});

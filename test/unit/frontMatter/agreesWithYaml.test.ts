import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { readFrontMatter } from '../../../src/core/document/frontMatter';
import { readFrontMatterData } from '../../../src/core/frontMatter/frontMatterData';
import { readSimpleFrontMatter } from '../../../src/core/frontMatter/simpleYaml';
import { LineIndex } from '../../../src/core/text/lineIndex';

/** The block's lines as the readers see them (LineIndex drops the `\r` of CRLF). */
const linesOf = (yaml: string) => yaml.split('\n').map((l) => l.replace(/\r$/, ''));
const documentWith = (yaml: string, eol = '\n') => `---${eol}${yaml}${yaml && !yaml.endsWith('\n') ? eol : ''}---${eol}# Title${eol}`;

/** What the index and the metrics read of the front matter: equal to the full YAML reader's. */
function sharedView(text: string) {
  const pick = (fm: ReturnType<typeof readFrontMatterData>) =>
    fm && { closeLine: fm.closeLine, content: fm.content, data: fm.data, problems: fm.problems.map((p) => ({ ...p })) };
  return { ours: pick(readFrontMatterData(new LineIndex(text))), full: pick(readFrontMatter(new LineIndex(text))) };
}

/**
 * The fast reader either declines (undefined) or reads exactly what the `yaml` package reads, and
 * then the strict reader the lint and the index use sees no problem either (so none is lost).
 */
function assertAgrees(yaml: string): 'fast' | 'fallback' {
  const fast = readSimpleFrontMatter(linesOf(yaml));
  if (fast !== undefined) {
    assert.deepStrictEqual(fast, parse(yaml), `fast reader differs from yaml on ${JSON.stringify(yaml)}`);
    // readFrontMatter itself takes the fast path here (problems: []), so ask its YAML document,
    // which the full parser builds on first use: no error or warning, the source of every problem.
    const full = readFrontMatter(new LineIndex(documentWith(yaml)));
    assert.deepEqual([...(full?.yaml.errors ?? []), ...(full?.yaml.warnings ?? [])].map((e) => e.message), [], `fast reader accepted YAML with problems: ${JSON.stringify(yaml)}`);
    assert.deepStrictEqual(full?.data, full?.yaml.toJS(), `fast data differs from the YAML document's: ${JSON.stringify(yaml)}`);
  }
  const { ours, full } = sharedView(documentWith(yaml));
  assert.deepStrictEqual(ours, full, `shared reader differs from readFrontMatter on ${JSON.stringify(yaml)}`);
  return fast === undefined ? 'fallback' : 'fast';
}

describe('the shared front-matter reader agrees with the yaml package', () => {
  it('reads common front matter itself, with the same data', () => {
    const fast = [
      'id: PM-2026-011\ntitle: "Checkout: 502s"\nstatus: draft # still writing\nseverity: SEV2\n',
      "title: 'single quoted'\nempty: ''\nalso: \"\"\n",
      'services:\n  - checkout\n  - payments\ntags: [db, network, 3]\nrelated: []\n',
      'flat:\n- x\n- y\nafter: 1\n',
      'impact:\n  users_affected: 1200\n  business: Orders failed # roughly\n  regions: [eu, us]\n',
      '# a comment first\n\nid: PM-1\n  # an indented comment\nstarted_at: 2026-11-20T14:09:00Z\nday: 2026-11-20\n',
      'a: 12\nb: -3.5\nc: 1e3\nd: .5\ne: 007\nf: true\ng: False\nh: ~\ni: null\nj:\nk: +1\nl: 0.\nm: 12345678901234567890\n',
      'a: x!\nb: x%\nc: -x\nd: ?x\ne: :x\nf: x:y\ng: ok#tag\nh: a  b\ni: Zoë 日本\nj: b , c\n',
      'list:\n  -\n  - # nothing\n  - x # note\n',
      'id : spaced key\ntrue: key read as a string\n',
    ];
    for (const yaml of fast) assert.equal(assertAgrees(yaml), 'fast', yaml);
  });

  it('hands unusual YAML to the full parser, which still gives the data', () => {
    const fallback = [
      'a: "esc\\"aped"', "a: 'it''s'", 'a: &x 1\nb: *x', 'a: !tag x', 'a: |\n  block', 'a: >-\n  folded\n  text', 'a: {b: 1}',
      'a:\n  b:\n    c: 1', 'a: 0x1F', 'a: 0o17', 'a: .inf', 'a: -.Inf', 'a: .nan', 'a: 1\na: 2', 'a: b: c', ' indented: 1',
      // Uneven indentation means a continued scalar or a broken block to YAML, not more items.
      'a:\n  - x\n    - y', 'a:\n- x\n  - y', 'impact:\n  a: 1\n    b: 2', 'impact:\n    a: 1\n  b: 2',
      // Flow lists with an empty item, a trailing comma, a nested key, or a comment glued on.
      'a: [x, , y]', 'a: [x, y,]', 'a: [b:]', 'a: [x]#c', 'a: ["q", b]', 'a: [[x]]',
      // Values that start or end with YAML syntax.
      'a: b:', 'a: ,x', 'a: ]x', 'a: }x', 'a: %x', 'a: @x', 'a: `x', 'a: - x', 'a: "x"y', 'a: "x #y"',
      // Keys YAML reads as null, keys shadowing Object members, an implicit key over 1024 characters.
      'null: 1', 'Null: 1', '~: 1', 'constructor: 1', '__proto__: 1', `${'k'.repeat(1100)}: 1`,
      // Tabs, no-break spaces and other white space YAML does not treat as JavaScript does.
      'a:\n\t- x', 'a:\tb', 'a:\u00a0b', 'a: x\u2028y', 'a: x\ry',
      // Not a mapping at all, or only comments.
      '- x', 'just text', '# only a comment', '',
    ];
    for (const yaml of fallback) assert.equal(assertAgrees(yaml), 'fallback', JSON.stringify(yaml));
  });

  it('gives the same data for CRLF files, and the index and metrics see the same as the full reader', () => {
    const yaml = 'id: PM-7\r\nservices:\r\n  - api\r\nimpact:\r\n  users_affected: 3 # about\r\n';
    const text = documentWith(yaml, '\r\n');
    assert.deepStrictEqual(readFrontMatterData(new LineIndex(text))?.data, parse(yaml));
    assert.equal(readSimpleFrontMatter(linesOf(yaml)) !== undefined, true);
    const { ours, full } = sharedView(`\uFEFF${text}`);
    assert.deepStrictEqual(ours, full);
    assert.deepStrictEqual(sharedView('---\nid: x\nno closing fence\n'), { ours: undefined, full: undefined });
  });

  it('agrees on generated front matter (keys, quoting, lists, nested maps, comments, indents, CRLF)', () => {
    // Mostly front matter the fast reader takes, with YAML's corner cases mixed in at every position.
    const plain = [
      'checkout', 'Checkout down', 'PM-2026-011', '2026-11-20T14:09:00Z', '2026-11-20', 'a b  c', 'x!', '-x', '?x', ':x', 'x:y',
      'a,b', 'ok#tag', 'Zoë', '12', '-3.5', '1e3', '.5', '007', '+1', '-0', '0.', '1_000', '1e400', 'true', 'False', 'yes', '~',
      'null', 'NULL', '', '"quoted: yes"', "'single'", '""', '[a, b]', '[]', '[ ]', '[a b, 3, true]', '[x] #c', '--- x', '...',
    ];
    const tricky = [
      '0x1F', '.inf', '"esc\\"aped"', "'it''s'", '"a #b"', '"x" # c', '&a 1', '*a', '!tag x', '|', '{a: 1}', '[a, , b]', '[a, b,]',
      '[x]#c', '[b:]', 'b:', 'b: c', ',x', ']x', '#x', '# c', '@x', '- x', '-', 'x\ty', 'x\u00a0y',
    ];
    const value = fc.oneof({ arbitrary: fc.constantFrom(...plain), weight: 6 }, { arbitrary: fc.constantFrom(...tricky), weight: 1 });
    const key = fc.oneof({ arbitrary: fc.constantFrom('id', 'title', 'impact', 'services', 'a_b', 'x-y', 'k'), weight: 8 },
      { arbitrary: fc.constantFrom('true', 'null', 'Null', 'constructor'), weight: 1 });
    const sep = fc.oneof({ arbitrary: fc.constantFrom(': ', ':  ', ' : '), weight: 10 }, { arbitrary: fc.constantFrom(':\t', ':\u00a0', ':'), weight: 1 });
    const trail = fc.oneof({ arbitrary: fc.constantFrom('', ' ', ' # note'), weight: 12 }, { arbitrary: fc.constant('#x'), weight: 1 });
    // Keys are unique in a mapping here (the fixtures above cover duplicates); each part is [key, lines].
    const keyLine = fc.tuple(key, sep, value, trail).map(([k, s, v, t]) => [k, [`${k}${s}${v}${t}`]] as const);
    // A block keeps one indentation, except now and then an entry that strays from it.
    const indent = fc.constantFrom('', '  ', '    ', ' ', '\t');
    const stray = fc.oneof({ arbitrary: fc.constant(null), weight: 12 }, { arbitrary: indent, weight: 1 });
    const items = fc.array(fc.tuple(stray, fc.oneof({ arbitrary: fc.constantFrom('- ', '-  '), weight: 12 }, { arbitrary: fc.constant('-'), weight: 1 }), value, trail).map(([i, d, v, t]) => [i, `${d}${v}${t}`] as const), { minLength: 1, maxLength: 4 });
    const subKeys = fc.uniqueArray(fc.tuple(stray, key, sep, value, trail), { minLength: 1, maxLength: 4, selector: ([, k]) => k })
      .map((entries) => entries.map(([i, k, s, v, t]) => [i, `${k}${s}${v}${t}`] as const));
    const noise = fc.oneof({ arbitrary: fc.constantFrom('', '', '', '# comment', '   # indented comment', '   '), weight: 12 }, { arbitrary: fc.constant('  stray'), weight: 1 });
    const block = fc.tuple(key, fc.constantFrom('', '  ', '  '), fc.oneof(items, subKeys), fc.option(noise, { freq: 3 }))
      .map(([k, base, body, n]) => [k, [`${k}:`, ...body.map(([i, line]) => `${i ?? base}${line}`), ...(n === null ? [] : [n])]] as const);
    const parts = fc.uniqueArray(fc.oneof(keyLine, block), { minLength: 1, maxLength: 6, selector: ([k]) => k });
    const yaml = fc.tuple(parts, fc.array(noise, { minLength: 6, maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
      .map(([ps, gaps, eol]) => ps.flatMap(([, lines], i) => (gaps[i] === '' ? [...lines] : [gaps[i], ...lines])).join(eol) + eol);
    const seen = { fast: 0, fallback: 0 };
    fc.assert(fc.property(yaml, (y) => {
      seen[assertAgrees(y)]++;
    }), { numRuns: 3000 });
    // The property must have exercised both paths, or it proved nothing about the fast one.
    assert.ok(seen.fast > 300 && seen.fallback > 300, JSON.stringify(seen));
  });
});

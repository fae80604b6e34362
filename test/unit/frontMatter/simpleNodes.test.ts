/**
 * Rules report at front-matter keys and values (`status: draft` overdue, an unknown `related` id).
 * For simple front matter their ranges are read from the lines (frontMatter/simpleNodes.ts) instead
 * of a YAML document: they must be the ranges the `yaml` package gives, for every path, or the
 * document must be asked.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isScalar } from 'yaml';
import { isSimpleFrontMatter, nodeAtPath, nodeAtPathInDocument, readFrontMatter, type FrontMatter } from '../../../src/core/document/frontMatter';
import { LineIndex } from '../../../src/core/text/lineIndex';

const documentWith = (yaml: string, eol = '\n') => `---${eol}${yaml}${yaml && !yaml.endsWith('\n') ? eol : ''}---${eol}# Title${eol}`;

type Path = (string | number)[];

/** Every path into the data: top-level keys, keys of nested mappings, list items and their keys. */
function pathsOf(data: unknown, prefix: Path = [], depth = 0): Path[] {
  if (!data || typeof data !== 'object' || depth > 2) return [];
  const entries: [string | number, unknown][] = Array.isArray(data) ? data.map((v, i) => [i, v]) : Object.entries(data);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k], depth + 1)]);
}

const view = (n: unknown) => (n && typeof n === 'object' && 'range' in n ? { range: (n as { range?: number[] }).range?.slice(0, 2), scalar: isScalar(n), value: isScalar(n) ? n.value : undefined } : n);

/** Returns how many paths the lines answered (the rest went to the YAML document). */
function assertSameNodes(fm: FrontMatter): number {
  let fast = 0;
  const absent = ['missing', 'impact', 'related', 'true', 'false', 'null', 'True', 'NULL', 'yes'].filter((k) => !Object.hasOwn(fm.data ?? {}, k));
  for (const path of [...pathsOf(fm.data), ...absent.flatMap((k) => [[k], [k, 0], [k, 'users_affected']])]) {
    const ours = nodeAtPath(fm, path);
    const full = nodeAtPathInDocument(fm, path);
    assert.deepEqual({ key: view(ours.key), value: view(ours.value) }, { key: view(full.key), value: view(full.value) }, `${JSON.stringify(path)} in ${JSON.stringify(fm.content)}`);
    if (ours.value !== full.value) fast++;
  }
  return fast;
}

describe('front matter: key and value ranges read from the lines', () => {
  it('gives the yaml package\'s ranges for common front matter', () => {
    const yaml = 'id: PM-2026-011\ntitle: Checkout down\nstatus: draft # still writing\nseverity : SEV2  \nstarted_at: 2026-11-20T14:09:00Z\n'
      + 'related:\n  - PM-1\n  - PM-2 # a note\nservices: [a, b]\nimpact:\n  users_affected: 1200\n  business: Orders failed # roughly\n'
      + 'approvals:\n  - by: lena\n    role: sre\n  - ok\ntrue: x\nflat:\n- x\n- 12\n';
    const fm = readFrontMatter(new LineIndex(documentWith(yaml)))!;
    assert.ok(isSimpleFrontMatter(fm));
    assert.ok(assertSameNodes(fm) >= 10);
    const crlf = readFrontMatter(new LineIndex(documentWith(yaml.replace(/\n/g, '\r\n'), '\r\n')))!;
    assert.ok(assertSameNodes(crlf) >= 10);
  });

  it('agrees on generated front matter', () => {
    const value = fc.constantFrom('checkout', 'Checkout down', 'PM-2026-011', '2026-11-20T14:09:00Z', 'a b  c', 'x!', '-x', 'x:y', 'ok#tag', 'Zoë', '12', '-3.5',
      '1e3', '007', 'true', 'False', '~', 'null', '', '"quoted: yes"', "'single'", '""', '[a, b]', '[]', 'by: lena', 'a,b');
    const key = fc.constantFrom('id', 'title', 'status', 'impact', 'related', 'a_b', 'x-y', 'k', 'true', 'TRUE', 'yes');
    const sep = fc.constantFrom(': ', ':  ', ' : ');
    const trail = fc.constantFrom('', ' ', '  ', ' # note', ' #', '   # x');
    const keyLine = fc.tuple(key, sep, value, trail).map(([k, s, v, t]) => [k, [`${k}${s}${v}${t}`]] as const);
    const items = fc.array(fc.tuple(fc.constantFrom('- ', '-  '), value, trail, fc.option(fc.tuple(key, value), { freq: 4 })).map(([d, v, t, more]) => [`${d}${v}${t}`, ...(more ? [`${' '.repeat(d.length)}${more[0]}: ${more[1]}`] : [])]), { minLength: 1, maxLength: 4 });
    const subKeys = fc.uniqueArray(fc.tuple(key, sep, value, trail), { minLength: 1, maxLength: 4, selector: ([k]) => k }).map((es) => es.map(([k, s, v, t]) => [`${k}${s}${v}${t}`]));
    const block = fc.tuple(key, fc.constantFrom('', '  ', '    '), fc.oneof(items, subKeys), fc.constantFrom('', ' # c'))
      .map(([k, base, body, c]) => [k, [`${k}:${c}`, ...body.flat().map((l) => `${base}${l}`)]] as const);
    const noise = fc.constantFrom('', '# comment', '   # indented comment', '   ');
    const yaml = fc.tuple(fc.uniqueArray(fc.oneof(keyLine, block), { minLength: 1, maxLength: 6, selector: ([k]) => k }), fc.array(noise, { minLength: 6, maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
      .map(([ps, gaps, eol]) => ps.flatMap(([, lines], i) => (gaps[i] ? [gaps[i], ...lines] : [...lines])).join(eol) + eol);
    let fast = 0;
    let simple = 0;
    fc.assert(fc.property(yaml, fc.constantFrom('\n', '\r\n'), (y, eol) => {
      const fm = readFrontMatter(new LineIndex(documentWith(y.replace(/\r?\n/g, eol), eol)));
      if (!fm || !isSimpleFrontMatter(fm)) return;
      simple++;
      fast += assertSameNodes(fm);
    }), { numRuns: 3000 });
    assert.ok(simple > 500 && fast > 1000, JSON.stringify({ simple, fast }));
  });
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync, type AttackPattern } from 'recheck';
import ts from 'typescript';
import { blameMatchers } from '../../../src/core/rules/blameless/phrases';
import { schemaKeywords, schemaRegexes } from './schemaRegexes';

/**
 * Every regular expression literal in src (core, CLI, VS Code adapters, shared) and webview goes
 * through recheck, a ReDoS checker that proves a pattern linear or finds an attack string (it runs
 * offline: a native binary from npm). There is no list of exceptions: a pattern recheck proves
 * super-linear fails the test, even when V8 happens to run its attack quickly, so a super-linear
 * pattern on user text (it hung the extension host on a 1 KB file) is rewritten (exclude the
 * delimiter from a run, anchor, bound, or scan by hand) rather than excused (see `verdict`).
 */
const ROOT = join(__dirname, '..', '..', '..');
const SCANNED = ['src', 'webview'];

/** recheck's fuzzing is random: a fixed seed keeps its verdict the same on every run. */
const RECHECK = { timeout: 60_000, randomSeed: 20261206 } as const;

/**
 * `new RegExp(…)` built at run time cannot be checked statically: each file's count is listed with
 * why its patterns are linear, so a new one is looked at before it lands.
 */
const DYNAMIC: Readonly<Record<string, { count: number; why: string }>> = {
  'src/core/diagrams/blocks.ts': { count: 1, why: 'a closing fence: a fixed run of one character then [ \\t]*$' },
  'src/core/diagrams/faultTree/parse.ts': { count: 4, why: 'anchored identifiers and literal separators, built from constants' },
  'src/core/index/scan.ts': { count: 1, why: 'a literal closing tag' },
  'src/core/index/frontMatterShapes.ts': { count: 1, why: 'a front-matter key from the fixed key lists (TEXT_KEYS, LIST_KEYS, timezone: constants, letters and _ only) at a line start, then [ \\t]*: — no quantifier can overlap another' },
  'src/core/import/alreadyPresent.ts': { count: 1, why: 'a bracketed alternation of the fixed milestone words (constants), optionally between literal ** or __: no quantifier over user text' },
  'src/core/import/merge.ts': { count: 1, why: 'a literal [ not after a backslash, then a lookahead for one of the fixed milestone words (constants) and ]' },
  'src/core/import/convert/itemFields.ts': { count: 1, why: 'an anchored alternation of fixed label words (DUE_LABEL_WORDS and two more: constants, no user text)' },
  'src/core/schema/postmortemValidate.generated.ts': { count: 1, why: 'the schema\'s own `pattern`s, as Ajv compiles them (proved linear below with the schema\'s patterns)' },
  'src/core/rules/blameless/personSubject.ts': { count: 5, why: 'names from the document, escaped, between fixed word lists (checked below with hostile names)' },
  'src/core/rules/blameless/anchors.ts': { count: 1, why: 'an alternation of the matchers\' anchor words (lower-case literals, escaped): no quantifier, each place tried against each word once' },
  'src/core/rules/blameless/phrases.ts': { count: 1, why: 'built-in phrases and configured ones, escaped (checked below with hostile phrases)' },
  'webview/diagram/problemList.ts': { count: 1, why: 'the source of a checked literal with other flags' },
};

interface Found {
  readonly file: string;
  readonly line: number;
  readonly literal: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function collect(): { literals: Found[]; dynamic: Map<string, number> } {
  const literals: Found[] = [];
  const dynamic = new Map<string, number>();
  for (const path of SCANNED.flatMap((d) => sourceFiles(join(ROOT, d)))) {
    const file = relative(ROOT, path).split('\\').join('/');
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        literals.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, literal: node.getText() });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
        dynamic.set(file, (dynamic.get(file) ?? 0) + 1);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, dynamic };
}

/** The attack with its pumped parts repeated until the string is about `size` characters long. */
function pumped(attack: AttackPattern, size: number): string {
  const once = attack.pumps.reduce((n, p) => n + p.pump.length, 0) || 1;
  const times = Math.max(1, Math.round(size / once));
  return attack.pumps.map((p) => p.prefix + p.pump.repeat(Math.max(0, times + p.bias))).join('') + attack.suffix;
}

/** Classic attack shapes for text: runs of white space, separators, brackets, then a line separator. */
const ATTACK_SHAPES: readonly ((size: number) => string)[] = [
  (n) => ' '.repeat(n) + '\u2028',
  (n) => '\uFEFF# ' + ' '.repeat(n) + '\u2028x',
  (n) => '\t '.repeat(n / 2) + '\0',
  (n) => '|'.repeat(n) + 'x',
  (n) => '| a '.repeat(n / 4) + '\n',
  (n) => '*'.repeat(n) + '\n',
  (n) => '['.repeat(n) + ']',
  (n) => '[](x'.repeat(n / 4),
  (n) => '<@A|'.repeat(n / 4),
  (n) => 'a'.repeat(n) + '!',
  (n) => '1'.repeat(n) + 'x',
  (n) => '-'.repeat(n) + 'x',
  (n) => '#'.repeat(n) + ' x',
  (n) => ': '.repeat(n / 2) + '\r',
];

function superLinearOnAttackStrings(re: RegExp): string | undefined {
  for (const shape of ATTACK_SHAPES) {
    const growth = superLinearIn(re, shape);
    if (growth) return growth;
  }
  return undefined;
}

/**
 * Times the pattern (all matches, as `replace` and `matchAll` scan) on inputs of doubling size, best
 * of three each, until a run takes 100 ms or the input reaches 64k characters. Linear work grows 4×
 * over two doublings, quadratic 16×: a ratio instead of a fixed time keeps a loaded machine from
 * failing the test, and stopping at the first slow size keeps a cubic pattern from hanging it.
 * Returns what it measured when the growth is super-linear.
 */
function superLinearIn(re: RegExp, make: (size: number) => string): string | undefined {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  // CPU time, not wall-clock: on a loaded machine a long run is stretched far more than a short one.
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const time = (text: string) => {
    let best = Infinity;
    for (let i = 0; i < 3 && best > 20; i++) {
      const t0 = cpu();
      for (const _ of text.matchAll(global)) { /* every match, as a scan would */ }
      best = Math.min(best, cpu() - t0);
    }
    return best;
  };
  const times: number[] = [];
  for (let size = 1_000; size <= 64_000; size *= 2) {
    times.push(time(make(size)));
    const last = times.length - 1;
    if (times[last] < 100) continue;
    const before = times[last - 2] ?? 0;
    return times[last] > 10 * Math.max(before, 1) ? `V8: ${before.toFixed(1)} ms at ${size / 4}, ${times[last].toFixed(1)} ms at ${size} characters` : undefined;
  }
  return undefined;
}

/**
 * recheck's verdict on one pattern: undefined when it is linear. A pattern recheck's automaton
 * analysis proves super-linear fails, whatever V8 does with its attack. A finding of recheck's
 * fuzzer (used for patterns too large for the automaton: big alternations, Unicode classes) is
 * confirmed in V8 on the attack string it found: the fuzzer's verdict changed between runs on a
 * loaded machine (it extrapolates step counts), and a flaky audit would block everyone's landing.
 * A pattern recheck cannot decide in time is timed in V8 on attack shapes.
 */
function verdict(source: string, flags: string): string | undefined {
  const result = checkSync(source, flags, RECHECK);
  if (result.status === 'safe') return undefined;
  if (result.status === 'vulnerable') {
    const growth = superLinearIn(new RegExp(source, flags), (size) => pumped(result.attack, size));
    const found = `${result.complexity.summary}, attack ${result.attack.pattern.slice(0, 80)}`;
    if (result.checker === 'automaton') return `${found}; ${growth ?? 'proven by recheck\'s automaton analysis (V8 may optimise this attack, another engine or input will not): rewrite the pattern'}`;
    return growth ? `${found}; ${growth}` : undefined;
  }
  const growth = superLinearOnAttackStrings(new RegExp(source, flags));
  return growth ? `not proven by recheck (${result.status}); ${growth}` : undefined;
}

/** Hostile text that ends up inside run-time patterns: configured phrases, names a document lists. */
const HOSTILE_PHRASES = ['a a a a', '.*+?', '(a+)+$', '\\s+ \\s+', ' x ', 'x  y', '[[[', '-', '\\', 'fault of', '日本語 の フレーズ'];
const HOSTILE_PEOPLE = ['Aaaa', 'Zed', 'Ann', 'Ed'];

describe('regular expressions on user text run in linear time (recheck)', function () {
  this.timeout(900_000);
  const { literals, dynamic } = collect();

  it('finds the patterns it audits, in every scanned folder', () => {
    // A broken walk would make the audit pass vacuously.
    assert.ok(literals.length > 400, `only ${literals.length} regular expressions found`);
    for (const dir of ['src/core', 'src/cli', 'src/vscode', 'webview']) {
      assert.ok(literals.some((l) => l.file.startsWith(`${dir}/`)), `no pattern found in ${dir}`);
    }
  });

  it('proves every literal linear: no exceptions', () => {
    const vulnerable: string[] = [];
    const seen = new Map<string, string | undefined>();
    for (const { file, line, literal } of literals) {
      const slash = literal.lastIndexOf('/');
      if (!seen.has(literal)) seen.set(literal, verdict(literal.slice(1, slash), literal.slice(slash + 1)));
      const why = seen.get(literal);
      if (why) vulnerable.push(`${file}:${line} ${literal}\n    ${why}`);
    }
    assert.deepEqual(vulnerable, [], `super-linear regular expressions:\n${vulnerable.join('\n')}`);
  });

  it('lists every run-time RegExp with why it is linear', () => {
    const unlisted = [...dynamic].filter(([file, count]) => (DYNAMIC[file]?.count ?? 0) < count).map(([file, count]) => `${file} (${count})`);
    assert.deepEqual(unlisted, [], 'new RegExp(…) not reviewed: check the pattern it builds, then add it to DYNAMIC');
  });

  it('proves the blameless patterns linear with hostile configured phrases and document names', () => {
    const vulnerable: string[] = [];
    for (const { re } of blameMatchers(HOSTILE_PHRASES, false, HOSTILE_PEOPLE)) {
      const why = verdict(re.source, re.flags);
      if (why) vulnerable.push(`${re.source.slice(0, 120)}\n    ${why}`);
    }
    assert.deepEqual(vulnerable, [], `super-linear run-time patterns:\n${vulnerable.join('\n')}`);
  });

  it('proves the JSON schemas\' patterns and the formats they name linear (ajv runs them on front-matter values)', () => {
    const found = schemaRegexes();
    // The audit must see what it audits: the id pattern and date-time's three regular expressions.
    assert.ok(found.some((r) => r.where.startsWith('schemas/') && r.source === '^[A-Za-z0-9][A-Za-z0-9._-]*$'), 'the id pattern of schemas/postmortem.schema.json was not found');
    assert.ok(found.filter((r) => r.where.startsWith('ajv-formats "date-time"')).length >= 3, 'date-time\'s regular expressions were not found');
    const vulnerable: string[] = [];
    for (const { where, source, flags } of found) {
      const why = verdict(source, flags);
      if (why) vulnerable.push(`${where} /${source}/${flags}\n    ${why}`);
    }
    // And it can fail: a nested quantifier in a schema's pattern is caught.
    const bad = schemaKeywords({ properties: { x: { type: 'string', pattern: '^(a+)+$' } } }).patterns;
    assert.deepEqual(bad, ['^(a+)+$']);
    // recheck's verdict only: timing an exponential pattern's attack in V8 would never end.
    assert.equal(checkSync(bad[0], 'u', RECHECK).status, 'vulnerable', 'the audit would let ^(a+)+$ pass');
    assert.deepEqual(vulnerable, [], `super-linear schema patterns:\n${vulnerable.join('\n')}`);
  });

  it('escapes configured phrases: regular-expression syntax in them is matched literally', () => {
    const [dots, group] = blameMatchers(['.*+?', '(a+)+$'], true);
    assert.deepEqual('x .*+? y'.match(dots.re), ['.*+?']);
    assert.equal(dots.re.test('anything at all'), false);
    assert.deepEqual('(a+)+$'.match(group.re), ['(a+)+$']);
    assert.equal(group.re.test('aaaa'), false);
  });
});

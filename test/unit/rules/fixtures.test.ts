/**
 * Fixture-driven rule tests, markdownlint style. Each `test/fixtures/lint/*.md` marks the diagnostics
 * it must produce inline: `{pm:CODE}` on the line where the diagnostic starts (in YAML use a comment:
 * `key: value # {pm:CODE}`), or `{pm:CODE@N}` anywhere for line N (1-based). The test fails on any
 * diagnostic missing or unexpected. When `NAME.fixed.md` exists, applying every preferred fix must give
 * exactly that text. A fixture focused on some rules says so anywhere in it (`pm-test-rules: timeline/ time/`,
 * e.g. in a YAML or HTML comment): then only diagnostics whose code starts with one of those prefixes
 * count, and only their fixes are applied. `UPDATE_GOLDEN=1 npx mocha …` rewrites the golden files (review the diff!).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../../src/core/config/resolve';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { ALL_RULES } from '../../../src/core/rules';
import { FIXTURE_NOW, fixtureFiles, fixtureWorkspace } from './fixtureWorkspace';

const DIR = join(__dirname, '../../fixtures/lint');
const MARKER = /\{pm:([a-z0-9/-]+)(?:@(\d+))?\}/g;

function expectedMarkers(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(MARKER)) out.push(`${m[2] ? Number(m[2]) : i + 1}:${m[1]}`);
  });
  return out.sort();
}

/** The code prefixes a fixture is about, or undefined for "every rule". */
function focus(text: string): string[] | undefined {
  const m = /pm-test-rules:\s*([^\n>#]+)/.exec(text);
  return m ? m[1].trim().split(/[\s,]+/).filter(Boolean) : undefined;
}

describe('lint fixtures', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md')).sort();
  const options = { config: resolveConfig(), now: FIXTURE_NOW, workspace: fixtureWorkspace() };

  it('has fixtures', () => assert.ok(files.length > 0));

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const prefixes = focus(text);
      const inFocus = (code: string) => !prefixes || prefixes.some((p) => code.startsWith(p));
      const rules = prefixes ? ALL_RULES.filter((r) => inFocus(r.code) || prefixes.some((p) => r.code.startsWith(p.split('/')[0]))) : undefined;
      const fileOptions = { ...options, rules, files: fixtureFiles(file) };

      it('reports exactly the marked diagnostics', () => {
        const diagnostics = lintText(text, fileOptions).diagnostics.filter((d) => inFocus(d.code));
        const actual = diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`).sort();
        const detail = diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`).join('\n');
        assert.deepEqual(actual, expectedMarkers(text), `diagnostics of ${file}:\n${detail}`);
      });

      it('keeps every range inside the document', () => {
        const lines = text.split('\n');
        for (const d of lintText(text, fileOptions).diagnostics) {
          for (const p of [d.range.start, d.range.end]) {
            assert.ok(p.line >= 0 && p.line < lines.length, `${d.code} line ${p.line}`);
            assert.ok(p.character >= 0 && p.character <= lines[p.line].replace(/\r$/, '').length, `${d.code} character ${p.character}`);
          }
        }
      });

      const golden = join(DIR, file.replace(/\.md$/, '.fixed.md'));
      const result = fixAll(text, fileOptions);
      if (existsSync(golden) || process.env.UPDATE_GOLDEN) {
        it('gives the golden text after fixes', () => {
          if (process.env.UPDATE_GOLDEN) writeFileSync(golden, result.text);
          assert.equal(result.text, readFileSync(golden, 'utf8'));
        });
      } else {
        it('has no fixes (or a golden file to check them)', () => {
          assert.equal(result.text, text, `${file} has fixes: add ${file.replace(/\.md$/, '.fixed.md')} (UPDATE_GOLDEN=1)`);
        });
      }
    });
  }
});

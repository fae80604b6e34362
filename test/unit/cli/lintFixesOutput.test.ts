/**
 * `lint --format json` lists each diagnostic's fixes (title, preferred or not, edits, choices), and
 * SARIF carries the ready-to-apply ones as `fixes` (SARIF 2.1.0 artifactChanges → replacements), so
 * CI and other tools see what the editor offers.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildOnce, NOW, repoRoot, workspace } from './harness';

const DOC = `---
type: postmortem
id: PM-2026-900
title: Fixes in the output
status: draft
severity: sev3
---
# Fixes in the output

## Summary

Checkout failed for 20 minutes.

## Timeline

- 2026-11-20 14:00Z [detected] Alert fired

## Action items

- [ ] Add a pool alert due:2026-12-20
- [ ] Rotate the keys @ana due:2026-11-20
`;

function lint(dir: string, format: string, tz: string) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'lint', '--format', format, '--now', NOW], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', TZ: tz },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFix { title: string; preferred: boolean; edits: { line: number; column: number; endLine: number; endColumn: number; newText: string }[]; choice?: { kind: string; values: string[]; placeholder: string } }

describe('postmortem lint: fixes in json and sarif output', function () {
  this.timeout(60_000);
  before(buildOnce);

  it('--format json lists every diagnostic\'s fixes, with preferred, edits and choices', () => {
    const ws = workspace({ 'postmortems/a.md': DOC });
    try {
      const r = lint(ws.dir, 'json', 'UTC');
      const diags = JSON.parse(r.stdout) as { code: string; line: number; fixes: JsonFix[] }[];
      assert.ok(diags.every((d) => Array.isArray(d.fixes)), 'every diagnostic has a fixes list, maybe empty');
      const severity = diags.find((d) => d.code === 'schema/enum')!;
      assert.deepEqual(severity.fixes.map((f) => [f.title, f.preferred]), [['Change to "SEV3"', true]]);
      assert.deepEqual(severity.fixes[0].edits, [{ line: 6, column: 11, endLine: 6, endColumn: 15, newText: 'SEV3' }]);

      const owner = diags.find((d) => d.code === 'actions/missing-owner')!;
      assert.deepEqual(owner.fixes.map((f) => [f.title, f.preferred]), [['Assign an owner…', false]]);
      assert.equal(owner.fixes[0].choice?.kind, 'owner');
      assert.match(owner.fixes[0].edits[0].newText, /^ @/);
      assert.ok(owner.fixes[0].edits[0].newText.includes(owner.fixes[0].choice!.placeholder));

      const overdue = diags.find((d) => d.code === 'actions/overdue')!;
      assert.deepEqual(overdue.fixes.map((f) => [f.title, f.preferred]), [
        ['Mark done (done:2026-11-27, today)', false],
        ['Move the due date to 2026-12-04 (a week from today)', false],
        ['Pick a new due date…', false],
      ]);
    } finally {
      ws.cleanup();
    }
  });

  it('dates in fixes are the writer\'s local date (TZ), not UTC\'s', () => {
    const ws = workspace({ 'postmortems/a.md': DOC });
    try {
      // 12:00 UTC on 27 November is already 28 November in Auckland (UTC+13).
      const diags = JSON.parse(lint(ws.dir, 'json', 'Pacific/Auckland').stdout) as { code: string; fixes: JsonFix[] }[];
      const overdue = diags.find((d) => d.code === 'actions/overdue')!;
      assert.equal(overdue.fixes[0].title, 'Mark done (done:2026-11-28, today)');
      assert.equal(overdue.fixes[1].title, 'Move the due date to 2026-12-05 (a week from today)');
    } finally {
      ws.cleanup();
    }
  });

  it('--format sarif carries ready-to-apply fixes as artifactChanges with replacements, not the ones needing a choice', () => {
    const ws = workspace({ 'postmortems/a.md': DOC });
    try {
      const run = JSON.parse(lint(ws.dir, 'sarif', 'UTC').stdout).runs[0];
      const severity = run.results.find((r: { ruleId: string }) => r.ruleId === 'schema/enum');
      assert.deepEqual(severity.fixes, [{
        description: { text: 'Change to "SEV3"' },
        artifactChanges: [{
          artifactLocation: { uri: 'postmortems/a.md', uriBaseId: '%SRCROOT%' },
          replacements: [{ deletedRegion: { startLine: 6, startColumn: 11, endLine: 6, endColumn: 15 }, insertedContent: { text: 'SEV3' } }],
        }],
        properties: { preferred: true },
      }]);
      const overdue = run.results.find((r: { ruleId: string }) => r.ruleId === 'actions/overdue');
      assert.deepEqual(overdue.fixes.map((f: { description: { text: string } }) => f.description.text), [
        'Mark done (done:2026-11-27, today)', 'Move the due date to 2026-12-04 (a week from today)',
      ]);
      // An insertion is an empty region (SARIF: a zero-length region is an insertion point).
      const insert = overdue.fixes[0].artifactChanges[0].replacements[1];
      assert.equal(insert.deletedRegion.startColumn, insert.deletedRegion.endColumn);
      assert.equal(insert.insertedContent.text, ' done:2026-11-27');
      const owner = run.results.find((r: { ruleId: string }) => r.ruleId === 'actions/missing-owner');
      assert.equal(owner.fixes, undefined, 'a fix that needs a choice is not in SARIF');
      for (const res of run.results) {
        for (const fix of res.fixes ?? []) {
          assert.ok(fix.artifactChanges.length >= 1 && fix.artifactChanges.every((c: { replacements: unknown[] }) => c.replacements.length >= 1));
        }
      }
    } finally {
      ws.cleanup();
    }
  });
});

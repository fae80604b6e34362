import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, NOW, repoRoot, runCli, workspace } from './harness';
import { newDiagramText } from '../../../src/vscode/diagrams/templates';
import { isPlaceholderCause, isPlaceholderEffect } from '../../../src/core/diagrams/fishbone/placeholders';

/**
 * Trial 9 T4: the fishbone a user inserts (*Insert Fishbone Diagram*) starts with placeholder causes.
 * Filling one real cause must count that category only; an untouched fishbone counts none, and lint
 * says the placeholders are still there.
 */
const doc = (status: string, diagram: string) => [
  '---', 'type: postmortem', 'id: PM-20261120-fish', 'title: Fishbone trial', `status: ${status}`, 'severity: SEV3',
  'started_at: 2026-11-20T14:00:00Z', 'resolved_at: 2026-11-20T15:00:00Z', '---', '# Fishbone trial', '', '## Root cause', '',
  '```mermaid', diagram, '```', '',
].join('\n');
const inserted = newDiagramText('fishbone');
const oneReal = inserted.replace('Name a cause', 'Alert routed to a retired rota');

interface Metrics { rootCauses: { category: string; incidents: number }[]; missing: { field: string; count: number }[] }

describe('fishbone template placeholders (spawned CLI, trial 9 T4)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('metrics counts only the category with a real cause', () => {
    const ws = workspace({ 'postmortems/a.md': doc('in-review', oneReal) });
    try {
      const m = JSON.parse(runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW).stdout) as Metrics;
      assert.deepEqual(m.rootCauses, [{ category: 'People', incidents: 1 }]);
    } finally {
      ws.cleanup();
    }
  });

  it('an untouched fishbone counts no category and the incident is listed without one', () => {
    const ws = workspace({ 'postmortems/a.md': doc('in-review', inserted) });
    try {
      const m = JSON.parse(runCli(ws.dir, 'metrics', '--format', 'json', '--now', NOW).stdout) as Metrics;
      assert.deepEqual(m.rootCauses, []);
      assert.equal(m.missing.find((f) => f.field.startsWith('root-cause category'))?.count, 1, JSON.stringify(m.missing));
    } finally {
      ws.cleanup();
    }
  });

  it('lint reports each placeholder: info in a draft, warning from in-review', () => {
    const ws = workspace({ 'postmortems/a.md': doc('in-review', oneReal), 'postmortems/b.md': doc('draft', oneReal).replace('PM-20261120-fish', 'PM-20261120-fish2') });
    try {
      const diags = JSON.parse(runCli(ws.dir, 'lint', '--format', 'json', '--now', NOW).stdout) as { file: string; code: string; severity: string; line: number; message: string }[];
      const placeholders = diags.filter((d) => d.code === 'fishbone/placeholder');
      const of = (name: string) => placeholders.filter((d) => d.file.endsWith(name));
      // The effect and three of the four causes, on their lines of the block.
      assert.equal(of('a.md').length, 4, JSON.stringify(placeholders));
      assert.ok(of('a.md').every((d) => d.severity === 'warning'));
      assert.ok(of('b.md').every((d) => d.severity === 'info') && of('b.md').length === 4);
      assert.match(of('a.md')[1].message, /Expected a cause under "Process", found the template's "Name a cause"/);
    } finally {
      ws.cleanup();
    }
  });

  it('knows the pm-fishbone snippet defaults as placeholders too', () => {
    const snippets = JSON.parse(readFileSync(join(repoRoot, 'snippets', 'postmortem.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    const body = Object.values(snippets).find((s) => s.prefix === 'pm-fishbone')!.body;
    const defaults = body.flatMap((l) => [...l.matchAll(/\$\{\d+:([^}]*)\}/g)].map((m) => m[1]));
    assert.ok(defaults.length >= 2);
    assert.ok(isPlaceholderEffect(defaults[0]), defaults[0]);
    for (const d of defaults.slice(1)) assert.ok(isPlaceholderCause(d), d);
  });
});

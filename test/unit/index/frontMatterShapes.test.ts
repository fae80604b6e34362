import assert from 'node:assert/strict';
import { readSummary, isNotReadProblem } from '../../../src/core/index';
import { computeMetrics } from '../../../src/core/metrics';
import { lintText } from '../../../src/core/lint/engine';
import { buildOnce, NOW, runCli, workspace } from '../cli/harness';

const doc = (lines: Record<string, string>) => {
  const fm: Record<string, string> = { type: 'postmortem', id: 'PM-1', title: 'Base', status: 'draft', severity: 'SEV2', services: '[api]', started_at: '2026-11-20T14:02:00Z', resolved_at: '2026-11-20T15:10:00Z', timezone: 'UTC', ...lines };
  return ['---', ...Object.entries(fm).map(([k, v]) => `${k}: ${v}`), '---', '', '# Base', '', '## Action items', '', '- [ ] Alpha task @ann due:2026-12-01', ''].join('\n');
};

describe('front-matter values of another YAML type (trial17a F7)', () => {
  it('an id YAML reads as a number is shown as written, with a note that makes the readers exit 1', () => {
    for (const [written, number] of [['0042', '42'], ['2026.10', '2026.1'], ['.inf', 'Infinity'], ['0x1F', '31'], ['1e400', 'Infinity']]) {
      const s = readSummary(doc({ id: written }));
      assert.equal(s.id, written);
      const note = s.problems.find((p) => p.includes('`id:'));
      assert.equal(note, `Front-matter value read as written: \`id: ${written}\` is the number ${number} to YAML; read as written, "${written}" (lint: schema/type; quote it)`);
      assert.ok(isNotReadProblem(note));
      const lint = lintText(doc({ id: written }), { now: new Date(NOW) }).diagnostics.find((d) => d.code === 'schema/type');
      assert.equal(lint?.message, `Expected \`id\` to be a string, found ${written}, which YAML reads as the number ${number} (quote it to keep it as written: "${written}")`);
    }
    // Written as YAML writes the number back: nothing changes, nothing to say here (lint still asks for a string).
    assert.equal(readSummary(doc({ id: '42' })).id, '42');
    assert.deepEqual(readSummary(doc({ id: '42' })).problems, []);
    assert.deepEqual(readSummary(doc({ id: '"0042"' })).problems, []);
    // Flow style: the written form is not found on its own line; the number is used, never silently.
    const flow = readSummary(['---', '{type: postmortem, id: 0042, title: Base}', '---', '', '# Base', ''].join('\n'));
    assert.equal(flow.id, '42');
    assert.deepEqual(flow.problems, ['Front-matter value read as written: `id` is the number 42 to YAML, shown so; it may have been written otherwise (lint: schema/type; quote it)']);
  });

  it('two files with `id: 0042` and `id: 42` are two incidents to the metrics', () => {
    const m = computeMetrics([{ uri: 'a.md', text: doc({ id: '0042' }) }, { uri: 'b.md', text: doc({ id: '42' }) }], { now: NOW });
    assert.deepEqual(m.sharedIds, []);
  });

  it('a list or mapping where a value or names go is not used, and said', () => {
    const s = readSummary(doc({ severity: '[SEV1]', services: '{a: 1}', timezone: '5', id: '[a, b]' }));
    assert.equal(s.severity, undefined);
    assert.deepEqual(s.services, []);
    assert.deepEqual(s.problems.filter(isNotReadProblem), [
      'Front-matter value not read: `id` is a list ([a, b]), not a value; not used (lint: schema/type)',
      'Front-matter value not read: `severity` is a list ([SEV1]), not a value; not used (lint: schema/type)',
      'Front-matter value not read: `services` is a mapping, not a list of names; not used (lint: schema/type)',
      'Front-matter value not read: `timezone` is the number 5, not a zone name; not used: times written without a zone are read in UTC (lint: schema/type)',
    ]);
    assert.deepEqual(readSummary(doc({ services: '[api, {a: 1}]' })).problems, ['Front-matter value not read: `services`: 1 of its 2 items is not a name (a list, a mapping or nothing); not used (lint: schema/type)']);
    assert.deepEqual(readSummary(doc({ services: 'api' })).problems, []);
  });

  describe('CLI', () => {
    before(buildOnce);
    it('list, metrics and actions show the id as written, print the note and exit 1', () => {
      const ws = workspace({ 'a.md': doc({ id: '0042' }), 'b.md': doc({ id: 'PM-2', severity: '[SEV1]' }) });
      try {
        const list = runCli(ws.dir, 'list', '--now', NOW, '.');
        assert.equal(list.code, 1, list.stderr);
        assert.match(list.stdout, /^ {2}0042 · Base/m);
        assert.match(list.stderr, /note: a\.md: Front-matter value read as written: `id: 0042`/);
        assert.match(list.stderr, /note: b\.md: Front-matter value not read: `severity` is a list/);
        const metrics = runCli(ws.dir, 'metrics', '--now', NOW, '.');
        assert.equal(metrics.code, 1, metrics.stderr);
        const actions = runCli(ws.dir, 'actions', '--now', NOW, 'a.md');
        assert.equal(actions.code, 1, actions.stderr);
        assert.match(actions.stdout, /0042 · Base/);
        assert.match(actions.stderr, /a\.md: Front-matter value read as written: `id: 0042`/);
        // Severity is no column of `actions`: nothing of it is dropped there.
        assert.equal(runCli(ws.dir, 'actions', '--now', NOW, 'b.md').code, 0);
      } finally {
        ws.cleanup();
      }
    });
  });
});

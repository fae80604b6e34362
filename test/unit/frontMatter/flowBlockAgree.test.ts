/**
 * The same front matter written in block style (`key: value` lines) and in flow style (`{key:
 * value, …}`, on one line or one pair a line) must give the same diagnostics, the same summary
 * (what list, actions and metrics read), and after `lint --fix` the same values (trial15a F10: the
 * flow-style file got no milestone notes and no fix). Both are padded with blank lines to the same
 * line count, so messages naming a line agree too.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFrontMatter } from '../../../src/core/document/frontMatter';
import { fixAll } from '../../../src/core/fix/fixAll';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { LineIndex } from '../../../src/core/text/lineIndex';

const now = new Date('2026-12-07T14:00:00Z');
type Scalar = string | number;
type Value = Scalar | readonly string[] | Readonly<Record<string, number>>;

const TIMES = ['2026-12-01T14:00:00Z', '2026-12-01T14:05:00Z', '2026-12-01T14:09:00Z', '2026-12-01T15:00:00Z', '2026-12-01 10:00'];
const frontMatter = fc.record({
  type: fc.constant('postmortem'),
  id: fc.constantFrom('PM-1', 'PM-2'),
  title: fc.constantFrom('Checkout down', 'a, b: c', 'Cache #2', "It's slow"),
  status: fc.constantFrom('draft', 'in-review', 'published', 'drafty'),
  severity: fc.constantFrom('SEV1', 'SEV2', 'sev3'),
  services: fc.constantFrom(['api'], ['api', 'db'], []),
  timezone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
  facilitator: fc.constant('kim'),
  started_at: fc.constantFrom(...TIMES),
  detected_at: fc.constantFrom(...TIMES),
  resolved_at: fc.constantFrom(...TIMES),
  impact: fc.constantFrom({ users_affected: 10 }, { downtime_minutes: 45, users_affected: 3 }, {}),
}, { requiredKeys: ['type', 'title', 'status'] });

const BODY = [
  '# T', '', '## Summary', '', 'Something broke.', '', '## Impact', '', '| Metric | Value |', '|---|---|', '| Users affected | 12 |', '',
  '## Timeline', '', '- 2026-12-01 14:00Z [started] Deploy', '- 2026-12-01 14:09Z [detected] Alert', '- 2026-12-01 14:30 [mitigated] Rollback', '- 2026-12-01 15:00Z [resolved] Done', '',
  '## Action items', '', '- [ ] Add canary @kim due:2026-12-20', '',
].join('\n');

const yamlScalar = (v: Scalar) => (typeof v === 'number' ? String(v) : JSON.stringify(v));
const flowValue = (v: Value): string => (Array.isArray(v) ? `[${v.map(yamlScalar).join(', ')}]` : typeof v === 'object' ? `{${Object.entries(v).map(([k, n]) => `${k}: ${n}`).join(', ')}}` : yamlScalar(v as Scalar));

function block(values: Record<string, Value>): string[] {
  return Object.entries(values).flatMap(([k, v]) => {
    if (Array.isArray(v)) return v.length ? [`${k}:`, ...v.map((s) => `  - ${yamlScalar(s)}`)] : [`${k}: []`];
    if (typeof v === 'object') return Object.keys(v).length ? [`${k}:`, ...Object.entries(v).map(([s, n]) => `  ${s}: ${n}`)] : [`${k}: {}`];
    return [`${k}: ${yamlScalar(v as Scalar)}`];
  });
}

function flow(values: Record<string, Value>, spread: boolean): string[] {
  const pairs = Object.entries(values).map(([k, v]) => `${k}: ${flowValue(v)}`);
  return spread ? ['{', ...pairs.map((p) => `  ${p},`), '}'] : [`{${pairs.join(', ')}}`];
}

const documentOf = (yaml: string[], lines: number) => `---\n${[...yaml, ...Array<string>(lines - yaml.length).fill('')].join('\n')}\n---\n${BODY}`;

/** What a reader sees: diagnostics without their ranges (front-matter columns differ by style). */
const diagnostics = (text: string) => lintText(text, { now }).diagnostics
  .map((d) => `${d.code} ${d.severity} ${d.message} [${(d.fixes ?? []).map((f) => f.title).join(' | ')}]`).sort();
/** `anyLines`: after --fix the two front matters may differ in length, so notes naming a body line are compared without its number. */
const summaryValues = (text: string, anyLines = false) => {
  const s = readSummary(text);
  const problems = anyLines ? s.problems.map((p) => p.replace(/\(line \d+\)/g, '(line N)')) : s.problems;
  return { id: s.id, title: s.title, status: s.status, severity: s.severity, timezone: s.timezone, resolvedAt: s.resolvedAt, milestones: s.milestones, services: s.services, owners: s.owners, problems, items: s.actionItems.length };
};

describe('front matter in flow style reads, checks and fixes as in block style (trial15a F10)', () => {
  it('same diagnostics, same summary, same values after lint --fix', () => {
    fc.assert(fc.property(frontMatter, fc.boolean(), (values, spread) => {
      const blockYaml = block(values as Record<string, Value>);
      const flowYaml = flow(values as Record<string, Value>, spread);
      const lines = Math.max(blockYaml.length, flowYaml.length);
      const asBlock = documentOf(blockYaml, lines);
      const asFlow = documentOf(flowYaml, lines);
      assert.deepEqual(diagnostics(asFlow), diagnostics(asBlock));
      assert.deepEqual(summaryValues(asFlow), summaryValues(asBlock));
      const fixedBlock = fixAll(asBlock, { now }).text;
      const fixedFlow = fixAll(asFlow, { now }).text;
      const flowFm = readFrontMatter(new LineIndex(fixedFlow))!;
      assert.deepEqual(flowFm.problems, [], fixedFlow);
      assert.deepEqual(flowFm.data, readFrontMatter(new LineIndex(fixedBlock))!.data, `${fixedFlow}\n\n${fixedBlock}`);
      assert.deepEqual(summaryValues(fixedFlow, true), summaryValues(fixedBlock, true));
    }), { numRuns: 60 });
  });
});

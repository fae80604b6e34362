/**
 * Benchmarks of issue 5: metrics over 1,000 and 5,000 generated post-mortems (goal: < 3 s for
 * 5,000, growing linearly), and a timeline import of a 50,000-message chat export.
 * Run alone: `npx tsx scripts/bench/metrics.ts`; `scripts/bench/main.ts` can call benchMetrics().
 */
import { computeMetrics } from '../../src/core/metrics';
import { mergeTimeline, parseSlackExport } from '../../src/core/import';
import { applyEdits } from '../../src/core/fix/applyEdits';

const SERVICES = ['checkout', 'payments', 'search', 'auth', 'notifications', 'catalog', 'media', 'shipping'];
const TYPES = ['outage', 'degradation', 'capacity', 'security', 'data-loss'];
const CAUSES = ['change', 'capacity', 'vendor', 'config', 'dependency'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A deterministic pseudo-random sequence, so every run measures the same documents. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/** A typical ~100-line post-mortem: full front matter, a 12-entry timeline, 6 action items. */
export function generatePostmortem(i: number, random: () => number): string {
  const start = Date.UTC(2024, 0, 1) + Math.floor(random() * 3 * 365 * 86_400_000);
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
  const detected = start + Math.floor(random() * 60) * 60_000;
  const mitigated = detected + Math.floor(random() * 120) * 60_000;
  const resolved = mitigated + Math.floor(random() * 240) * 60_000;
  const service = SERVICES[i % SERVICES.length];
  const lines = [
    '---', 'type: postmortem', `id: PM-${i}`, `title: Generated incident ${i} on ${service}`,
    `status: ${random() < 0.7 ? 'published' : 'in-review'}`, `severity: SEV${1 + Math.floor(random() * 4)}`,
    `incident_type: ${TYPES[Math.floor(random() * TYPES.length)]}`, 'services:', `  - ${service}`,
    `started_at: ${iso(start)}`, `detected_at: ${iso(detected)}`, `mitigated_at: ${iso(mitigated)}`, `resolved_at: ${iso(resolved)}`,
    ...(random() < 0.7 ? [`published_at: ${iso(resolved + Math.floor(random() * 96) * 3_600_000)}`] : []),
    'facilitator: Dana', 'impact:', '  users_affected: 1200', '  downtime_minutes: 30',
    ...(random() < 0.2 ? ['related:', `  - PM-${Math.max(0, i - 1 - Math.floor(random() * 20))}`] : []),
    'tags:', `  - cause:${CAUSES[Math.floor(random() * CAUSES.length)]}`, '---', '',
    `# Generated incident ${i}`, '', '## Summary', '', 'A generated summary of what happened to the system and how it was resolved.', '',
    '## Impact', '', '- Customers saw errors for a while.', '', '## Timeline', '',
  ];
  for (let k = 0; k < 12; k++) {
    const t = new Date(start + k * 10 * 60_000);
    lines.push(`- ${t.toISOString().slice(0, 10)} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}Z (chat) Step ${k} of the response`);
  }
  lines.push('', '## Root cause analysis', '', 'A configuration change reduced capacity.', '', '### Five whys', '');
  for (let k = 1; k <= 5; k++) lines.push(`${k}. Why ${k}? Because of reason ${k}.`);
  lines.push('', '## Response', '', 'The team rolled back.', '', '## Action items', '');
  for (let k = 0; k < 6; k++) {
    const done = random() < 0.5;
    const due = new Date(resolved + (k + 1) * 7 * 86_400_000).toISOString().slice(0, 10);
    const doneAt = new Date(resolved + (k + 1) * 5 * 86_400_000).toISOString().slice(0, 10);
    lines.push(`- [${done ? 'x' : ' '}] Follow-up ${k} @owner${k % 4} due:${due}${done ? ` done:${doneAt}` : ''} P${1 + (k % 4)} impact:${k % 2 ? 'high' : 'low'} effort:low OPS-${i * 10 + k}`);
  }
  lines.push('', '## Lessons learned', '', '- What went well: the rollback.', '');
  while (lines.length < 100) lines.push('Additional notes that make the file the size of a typical post-mortem.');
  return lines.join('\n');
}

function timeMetrics(n: number): number {
  const random = rng(42);
  const docs = Array.from({ length: n }, (_, i) => ({ uri: `pm-${i}.md`, text: generatePostmortem(i, random) }));
  const started = performance.now();
  const result = computeMetrics(docs, { now: '2027-01-01T00:00:00Z', by: 'quarter' });
  const ms = performance.now() - started;
  if (result.incidentCount !== n) throw new Error(`expected ${n} incidents, got ${result.incidentCount}`);
  return ms;
}

/** A Slack export of `messages` messages spread over the incident day, as per-day files. */
function slackExport(messages: number, start: number): { name: string; text: string }[] {
  const perDay = new Map<string, object[]>();
  for (let k = 0; k < messages; k++) {
    const ts = start / 1000 + k * 1.5;
    const day = new Date(ts * 1000).toISOString().slice(0, 10);
    const list = perDay.get(day) ?? [];
    list.push({ type: 'message', ts: ts.toFixed(6), user: `U${k % 30}`, text: `Message ${k} about <@U${(k + 1) % 30}> and the rollback` });
    perDay.set(day, list);
  }
  return [...perDay].map(([day, list]) => ({ name: `${day}.json`, text: JSON.stringify(list) }));
}

function timeImport(messages: number): { parseMs: number; mergeMs: number; added: number } {
  const start = Date.UTC(2026, 10, 20, 12, 0, 0);
  const files = slackExport(messages, start);
  const doc = generatePostmortem(1, rng(7))
    .replace(/started_at: .*/, `started_at: ${new Date(start).toISOString()}`)
    .replace(/resolved_at: .*/, `resolved_at: ${new Date(start + messages * 1500 + 60_000).toISOString()}`);
  const t0 = performance.now();
  const { events } = parseSlackExport(files);
  const t1 = performance.now();
  const merged = mergeTimeline(doc, events, { marginMinutes: 60 * 24 * 365 * 5 });
  applyEdits(doc, merged.edits);
  const t2 = performance.now();
  return { parseMs: t1 - t0, mergeMs: t2 - t1, added: merged.added.length };
}

export async function benchMetrics(): Promise<Record<string, number>> {
  timeMetrics(200); // warm-up: JIT and the YAML parser
  const m1000 = timeMetrics(1000);
  const m5000 = timeMetrics(5000);
  const imp = timeImport(50_000);
  return {
    'metrics 1,000 post-mortems (ms)': Math.round(m1000),
    'metrics 5,000 post-mortems (ms)': Math.round(m5000),
    'metrics 5,000 / 1,000 ratio': Math.round((m5000 / m1000) * 100) / 100,
    'import 50,000 Slack messages: parse (ms)': Math.round(imp.parseMs),
    'import 50,000 Slack messages: merge + apply (ms)': Math.round(imp.mergeMs),
    'import 50,000 Slack messages: entries added': imp.added,
  };
}

if (process.argv[1]?.endsWith('metrics.ts')) {
  void benchMetrics().then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(52)} ${v}`);
  });
}

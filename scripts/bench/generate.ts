/**
 * Synthetic post-mortems for the benchmarks: deterministic (seeded), shaped like real ones — front
 * matter, prose, a timeline list, a five-whys list, a task list, a table, a fenced block.
 */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = 'checkout pool database connection latency alert pager deploy rollback config cache queue retry timeout replica shard customer request error rate capacity region traffic failover runbook dashboard'.split(' ');
const OWNERS = ['bob', 'alice', 'carol', 'dave', 'erin', 'frank', 'priya', 'sam'];

function sentence(r: () => number, n = 12): string {
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]);
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export interface GeneratedOptions {
  readonly seed: number;
  readonly id: string;
  readonly timelineEntries: number;
  readonly actionItems: number;
  readonly proseParagraphs: number;
}

export function generatePostmortem(o: GeneratedOptions): string {
  const r = rng(o.seed);
  const out: string[] = [
    '---', 'type: postmortem', `id: ${o.id}`, `title: Checkout errors ${o.id}`, 'status: in-review', 'severity: SEV2',
    'services: [checkout, payments]', 'started_at: 2026-11-20T14:00:00Z', 'detected_at: 2026-11-20T14:09:00Z',
    'mitigated_at: 2026-11-20T18:40:00Z', 'resolved_at: 2026-11-21T02:10:00Z', 'timezone: UTC', 'facilitator: Dana Lee',
    'impact:', '  users_affected: 1200', '  downtime_minutes: 31', '---', '', `# Checkout errors ${o.id}`, '', '## Summary', '',
  ];
  const prose = (n: number) => {
    for (let i = 0; i < n; i++) out.push(sentence(r, 9), sentence(r, 7), '');
  };
  prose(Math.max(1, Math.floor(o.proseParagraphs / 4)));
  out.push('## Impact', '');
  prose(Math.max(1, Math.floor(o.proseParagraphs / 4)));
  out.push('## Timeline', '');
  for (let i = 0; i < o.timelineEntries; i++) {
    const minutes = 14 * 60 + Math.floor((i * 720) / Math.max(1, o.timelineEntries));
    const day = minutes >= 24 * 60 ? 21 : 20;
    const m = minutes % (24 * 60);
    const marker = i === 1 ? ' [detected]' : i === Math.floor(o.timelineEntries * 0.6) ? ' [mitigated]' : i === o.timelineEntries - 1 ? ' [resolved]' : '';
    out.push(`- 2026-11-${day} ${pad(Math.floor(m / 60))}:${pad(m % 60)}Z${marker} ${sentence(r, 8)}`);
  }
  out.push('', '## Root cause analysis', '');
  prose(Math.max(1, Math.floor(o.proseParagraphs / 4)));
  out.push('### Five whys', '');
  for (let i = 1; i <= 5; i++) out.push(`${i}. Why? ${sentence(r, 10)}`);
  out.push('', '```mermaid', 'flowchart TD', '  A[Config change] --> B[Pool halved]', '  B --> C[Checkout errors]', '```', '', '## Response', '');
  prose(Math.max(1, Math.floor(o.proseParagraphs / 4)));
  out.push('## Action items', '');
  for (let i = 0; i < o.actionItems; i++) {
    const done = r() < 0.3 ? 'x' : ' ';
    const owner = OWNERS[Math.floor(r() * OWNERS.length)];
    out.push(`- [${done}] ${sentence(r, 7).slice(0, -1)} @${owner} due:2026-12-${pad(1 + Math.floor(r() * 28))} P${1 + Math.floor(r() * 4)} OPS-${1000 + i}`);
  }
  out.push('', '## Lessons learned', '');
  prose(1);
  return out.join('\n');
}

/** The big file: ~2,000 lines, ~100 KB, 200 timeline entries, 100 action items. */
export function bigPostmortem(): string {
  return generatePostmortem({ seed: 1, id: 'PM-BIG', timelineEntries: 200, actionItems: 100, proseParagraphs: 560 });
}

/** A typical post-mortem: ~100 lines. */
export function typicalPostmortem(i: number): string {
  return generatePostmortem({ seed: 1000 + i, id: `PM-${String(i).padStart(4, '0')}`, timelineEntries: 14, actionItems: 6, proseParagraphs: 12 });
}

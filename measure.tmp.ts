import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LintWorkerPool } from './src/vscode/lintWorker/workerPool';
import { lintText } from './src/core/lint/engine';
import { SectionCache } from './src/core/document/parse';
import { DEFAULT_CONFIG } from './src/core/config/config';

const small = readFileSync(process.argv[2] ?? 'examples/2026-11-20-checkout-errors.md', 'utf8');
const fm = (body: string) => `---\ntype: postmortem\ntitle: Crafted\nstatus: draft\n${body}---\n\n# Crafted\n\n## Summary\n\nText.\n`;
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');
const crafted: Record<string, string> = {
  'unclosed quotes ×2,500': fm(lines(2500, (i) => `k${i}: "open\n`)),
  'k: {{{{ ×2,700': fm(lines(2700, (i) => `k${i}: {{{{\n`)),
  'valid 1,800 keys': fm(lines(1800, (i) => `key_${i}: "v${i}"\n`)),
};
for (const [k, v] of Object.entries(crafted)) console.log(k, (v.length / 1024).toFixed(1), 'KB');

async function main() {
  const pool = new LintWorkerPool(Worker as never, './dist/editorLintWorker.js', { budgetMs: 30_000 });
  const base = { configSlot: 'x', config: DEFAULT_CONFIG, cache: true } as const;
  // warm
  await pool.lint({ ...base, uri: 'warm', text: small, nowMs: Date.now() });
  const h = monitorEventLoopDelay({ resolution: 1 });
  // Small file: in-thread vs round trip (same version each time, cache warm like a keystroke relint with edit)
  const N = 30;
  let inThread = 0; const cache = new SectionCache();
  for (let i = 0; i < N; i++) { const t = performance.now(); lintText(small + `\n<!-- ${i} -->\n`, { config: DEFAULT_CONFIG, cache }); inThread += performance.now() - t; }
  let rt = 0; let workerMs = 0;
  for (let i = 0; i < N; i++) { const t = performance.now(); const o = await pool.lint({ ...base, uri: 'small', text: small + `\n<!-- ${i} -->\n`, nowMs: Date.now() }); rt += performance.now() - t; if (o.kind === 'done') workerMs += o.ms; }
  // main-thread cost of a round trip: CPU used by this thread per request (cpuUsage is per process: use ELU)
  const { eventLoopUtilization } = await import('node:perf_hooks').then((m) => m.performance);
  const e0 = eventLoopUtilization();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await pool.lint({ ...base, uri: 'small', text: small + `\n<!-- x${i} -->\n`, nowMs: Date.now() });
  const e1 = eventLoopUtilization(e0);
  console.log(`small ${(small.length / 1024).toFixed(1)} KB: in-thread lint ${(inThread / N).toFixed(2)} ms; worker round trip ${(rt / N).toFixed(2)} ms (worker's lint ${(workerMs / N).toFixed(2)} ms); main thread busy per round trip ${(e1.active / N).toFixed(2)} ms of ${((performance.now() - t0) / N).toFixed(2)}`);
  for (const [name, text] of Object.entries(crafted)) {
    // In-thread: the block is the lint time (fresh process would be colder; this is warm-ish).
    let t = performance.now(); lintText(text, { config: DEFAULT_CONFIG }); const inMs = performance.now() - t;
    h.reset(); h.enable();
    let maxGap = 0; let last = performance.now();
    const tick = setInterval(() => { const now = performance.now(); maxGap = Math.max(maxGap, now - last); last = now; }, 2);
    t = performance.now();
    const o = await pool.lint({ ...base, uri: name, text, nowMs: Date.now() });
    const total = performance.now() - t;
    clearInterval(tick); h.disable();
    console.log(`${name}: in-thread block ${inMs.toFixed(0)} ms; worker: result after ${total.toFixed(0)} ms (lint ${o.kind === 'done' ? o.ms.toFixed(0) : o.kind}), main thread max gap ${maxGap.toFixed(1)} ms, loop delay max ${(h.max / 1e6).toFixed(1)} ms`);
  }
  pool.dispose();
}
void main();

import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median wall time in ms of `runs` calls after `warmup` untimed ones. */
export function timeMedian(fn: () => void, runs: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

/**
 * Run `node <args>` in a child: its wall time, and from a preloaded exit hook its peak RSS and CPU
 * time (user + system, all of its threads: worker threads count).
 *
 * The child's stdout and stderr go to files, as `postmortem lint --format json > report.json` or a
 * CI log would take them. Captured through a pipe instead, this process would read and keep the
 * 12.8 MB of JSON that `lint` writes for 2,000 files while the child runs, on one of the two cores
 * the child is measured on; markdownlint-cli2's few kilobytes cost it nothing of the kind.
 */
export function spawnNode(args: string[], cwd: string): { ms: number; cpuMs: number; peakRssMb: number; code: number | null; stderr: string } {
  const base = join(tmpdir(), `pm-bench-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const usageFile = `${base}.usage`;
  const hook = join(tmpdir(), `pm-bench-hook-${process.pid}.cjs`);
  writeFileSync(hook, `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify([u.maxRSS, u.userCPUTime + u.systemCPUTime])); });\n`);
  const out = openSync(`${base}.out`, 'w');
  const err = openSync(`${base}.err`, 'w');
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, ...args], { cwd, stdio: ['ignore', out, err] });
  const ms = performance.now() - t;
  closeSync(out);
  closeSync(err);
  const stderr = readFileSync(`${base}.err`, 'utf8');
  rmSync(`${base}.out`);
  rmSync(`${base}.err`);
  let peak = NaN;
  let cpuMs = NaN;
  try {
    const [rssKb, cpuUs] = JSON.parse(readFileSync(usageFile, 'utf8')) as [number, number];
    peak = rssKb / 1024;
    cpuMs = cpuUs / 1000;
    rmSync(usageFile);
  } catch {
    // the child died before its exit hook: peak and CPU unknown
  }
  return { ms, cpuMs, peakRssMb: peak, code: r.status, stderr };
}

/**
 * Median wall time and median CPU time (user + system of this process) in ms of `runs` calls after
 * `warmup` untimed ones. On a shared, loaded machine the wall time stretches with the load while
 * the CPU time stays near what the work costs, so in-process rows print both.
 */
export function timeWallAndCpu(fn: () => void, runs: number, warmup = 1): { wall: number; cpu: number } {
  for (let i = 0; i < warmup; i++) fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    walls.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpus.push((u.user + u.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

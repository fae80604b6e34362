import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 */
export function spawnNode(args: string[], cwd: string): { ms: number; cpuMs: number; peakRssMb: number; code: number | null; stderr: string } {
  const usageFile = join(tmpdir(), `pm-bench-usage-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const hook = join(tmpdir(), `pm-bench-hook-${process.pid}.cjs`);
  writeFileSync(hook, `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify([u.maxRSS, u.userCPUTime + u.systemCPUTime])); });\n`);
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - t;
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
  return { ms, cpuMs, peakRssMb: peak, code: r.status, stderr: r.stderr };
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

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScramResult {
  readonly cutSets: string[][];
  readonly probability: number;
  readonly approximation: string;
  /** MIF (Birnbaum) per basic event. */
  readonly birnbaum: Map<string, number>;
}

/** Throws with install advice when SCRAM is not on PATH (the cross-check must not silently pass). */
export function requireScram(): string {
  const r = spawnSync('scram', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`SCRAM is required for the fault-tree cross-check but "scram --version" failed (${r.error?.message ?? r.stderr}). Install it: apt-get install -y scram${process.env.CI ? ' (CI must install it in .ci/run)' : ''}.`);
  }
  return r.stdout.split('\n')[0];
}

/** Runs `scram --probability true --importance true` on MEF text, bounded in time, and reads the report for `top`. */
export function runScram(mef: string, top: string, maxOrder: number): ScramResult {
  const dir = mkdtempSync(join(tmpdir(), 'pm-scram-'));
  try {
    writeFileSync(join(dir, 'in.xml'), mef);
    const r = spawnSync('scram', ['--probability', 'true', '--importance', 'true', '-l', String(maxOrder), '-o', join(dir, 'out.xml'), join(dir, 'in.xml')], { encoding: 'utf8', timeout: 20_000 });
    if (r.status !== 0) throw new Error(`scram failed (status ${r.status}, signal ${r.signal}): ${r.stderr}\n${mef}`);
    return parseScramReport(readFileSync(join(dir, 'out.xml'), 'utf8'), top);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function parseScramReport(xml: string, top: string): ScramResult {
  const sop = new RegExp(`<sum-of-products name="${top}"[^>]*?probability="([^"]+)"[^>]*>([\\s\\S]*?)</sum-of-products>`).exec(xml);
  const empty = new RegExp(`<sum-of-products name="${top}"[^>]*?probability="([^"]+)"[^>]*/>`).exec(xml);
  if (!sop && !empty) throw new Error(`no sum-of-products for ${top} in the SCRAM report:\n${xml.slice(0, 2000)}`);
  const cutSets = [...(sop?.[2] ?? '').matchAll(/<product [^>]*>([\s\S]*?)<\/product>/g)]
    .map((m) => [...m[1].matchAll(/<basic-event name="([^"]+)"/g)].map((e) => e[1]));
  const approximation = /name="Probability Analysis"[^>]*approximation="([^"]+)"/.exec(xml)?.[1] ?? 'unknown';
  const importance = new RegExp(`<importance name="${top}"[^>]*>([\\s\\S]*?)</importance>`).exec(xml);
  const birnbaum = new Map([...(importance?.[1] ?? '').matchAll(/<basic-event name="([^"]+)"[^>]*MIF="([^"]+)"/g)].map((m) => [m[1], Number(m[2])]));
  return { cutSets, probability: Number((sop ?? empty)![1]), approximation, birnbaum };
}

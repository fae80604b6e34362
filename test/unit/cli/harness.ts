import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');
const cli = join(repoRoot, 'dist', 'cli.js');
export const NOW = '2026-11-27T12:00:00Z';

/** Builds dist/ once per test run (mocha loads this module once). */
let built = false;
export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'pipe' });
  built = true;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(cwd: string, ...args: string[]): CliRun {
  return runCliWithEnv(cwd, {}, ...args);
}

/**
 * `runCli` with extra environment variables, e.g. `{ TZ: 'Europe/Berlin' }` to be a writer elsewhere.
 * The CLI runs in UTC unless a test names a zone: the writer's zone changes what the CLI reports
 * (zone-less times are not read as UTC elsewhere), and the tests must pass on any machine's zone.
 */
export function runCliWithEnv(cwd: string, env: Record<string, string>, ...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', TZ: 'UTC', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder with files: `{ 'postmortems/a.md': text }`; values starting with `@fixture:` copy a fixture. */
export function workspace(files: Record<string, string | Buffer>): { dir: string; read(rel: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof content === 'string' && content.startsWith('@fixture:')) cpSync(fixture(content.slice(9)), path);
    else writeFileSync(path, content);
  }
  return { dir, read: (rel) => readFileSync(join(dir, rel), 'utf8'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function fixture(name: string): string {
  return join(__dirname, 'fixtures', name);
}

export function fixtureText(name: string): string {
  return readFileSync(fixture(name), 'utf8');
}

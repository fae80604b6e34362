import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test, removed afterwards. */
export function tempDir(): { dir: string; path(...parts: string[]): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pm-robust-'));
  return { dir, path: (...parts) => join(dir, ...parts), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

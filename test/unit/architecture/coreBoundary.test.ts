import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..', '..');

/** Lints `code` as if it were a file at `path` in the repository, with the project's own config. */
async function problems(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result.messages.map((m) => `${m.line}:${m.ruleId}`);
}

describe('the core boundary (eslint.config.mjs)', () => {
  it('fails a core file that imports a host by a relative path, a Node built-in, vscode, or any of them with import()', async () => {
    const code = [
      "import { log } from '../../vscode/log';",
      "import { EXIT_OK } from '../../cli/io';",
      "import { readFileSync } from 'fs';",
      "import { join } from 'node:path';",
      "import * as vscode from 'vscode';",
      "export { x } from '../vscode/somewhere';",
      'export async function probe(): Promise<unknown> {',
      "  return [log, EXIT_OK, readFileSync, join, vscode, await import('node:fs'), await import('../../cli/main')];",
      '}',
    ].join('\n');
    const found = await problems('src/core/metrics/probe.ts', code);
    assert.deepEqual(found, [
      '1:no-restricted-imports', '2:no-restricted-imports', '3:no-restricted-imports', '4:no-restricted-imports',
      '5:no-restricted-imports', '6:no-restricted-imports', '8:no-restricted-syntax', '8:no-restricted-syntax',
    ]);
  });

  it('lets a core file import the core, and the hosts import the core', async () => {
    assert.deepEqual(await problems('src/core/metrics/probe.ts', "import { readSummary } from '../index';\nexport const r = readSummary;\n"), []);
    assert.deepEqual(await problems('src/cli/commands/probe.ts', "import { readSummary } from '../../core/api';\nimport { join } from 'node:path';\nexport const r = [readSummary, join];\n"), []);
  });
});

// Runs inside the extension host (Node or web worker) of a real VS Code under the harness.
import * as vscode from 'vscode';
import * as assert from '../../../vscode-harness/in-host/assert';
import { harnessScreenshot } from '../../../vscode-harness/in-host/screenshot';

/** Set by the self-test's esbuild `define`: true for the variant that must fail. */
declare const __SELFTEST_FAIL__: boolean;

// A web worker has importScripts; the Node extension host does not.
const host = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function' ? 'webworker' : 'node';

describe('harness self-test fixture extension', () => {
  it('activates and reports the host it runs in', async () => {
    const extension = vscode.extensions.getExtension<{ host: string }>('postmortem-tools.harness-selftest');
    assert.ok(extension, 'the fixture extension is loaded');
    const api = await extension.activate();
    assert.equal(api.host, host);
    console.log(`fixture extension runs in: ${api.host} (extensionKind ${vscode.ExtensionKind[extension.extensionKind]})`);
  });

  it('runs its command', async () => {
    assert.equal(await vscode.commands.executeCommand('harnessSelftest.hello'), `hello from ${host}`);
  });

  it('finds the workspace file and takes a screenshot', async () => {
    const files = await vscode.workspace.findFiles('*.md');
    assert.deepEqual(files.map((file) => file.path.split('/').pop()), ['notes.md']);
    await harnessScreenshot(`in-suite-${host}`);
  });

  if (__SELFTEST_FAIL__) {
    it('fails on purpose (the harness must exit 1)', () => {
      assert.equal(1 + 1, 3);
    });
  }
});

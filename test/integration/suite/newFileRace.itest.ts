import * as vscode from 'vscode';
import type { ConvertOutcome } from '../../../src/vscode/importing/convertCommand';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, readDisk, waitFor, workspaceUri } from './helpers';

/**
 * Convert and New Post-mortem choose a free name, then create the file. A file another program
 * creates in between (a second window, a git checkout, a sync client) must not be overwritten:
 * the command refuses and says so. The seam makes that file appear at the worst moment.
 */
suite('Creating a file never overwrites one that appeared meanwhile', () => {
  const theirs = 'their file, written while the command ran\n';
  const appeared: vscode.Uri[] = [];
  const refusals: string[] = [];

  setup(async () => {
    const { newFileSeam } = await api();
    appeared.length = 0;
    refusals.length = 0;
    newFileSeam.beforeCreate = async (uri) => {
      appeared.push(uri);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(theirs));
    };
    newFileSeam.onRefusal = (message) => refusals.push(message);
  });

  teardown(async () => {
    const { newFileSeam } = await api();
    newFileSeam.beforeCreate = undefined;
    newFileSeam.onRefusal = undefined;
    await closeAll();
    for (const uri of appeared) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('New Post-mortem refuses, keeps their file and says so', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.newPostmortem', { title: 'Race for the file name', open: false });
    equal(created, undefined, 'nothing created');
    equal(appeared.length, 1, 'the name was chosen once');
    ok(appeared[0].path.startsWith(workspaceUri('postmortems').path + '/'), appeared[0].path);
    equal(await readDisk(appeared[0]), theirs, 'their file is unchanged');
    equal(refusals.length, 1, `one message: ${refusals.join(' | ')}`);
    ok(/^New post-mortem not created: postmortems\/.+\.md was created by something else meanwhile; it was not overwritten\. Run New Post-mortem again/.test(refusals[0]), refusals[0]);
  });

  test('Convert to Standard Format refuses, keeps their file and the original, and says so', async () => {
    const original = workspaceUri('imports', 'legacy-review.md');
    const before = await readDisk(original);
    const outcome = await vscode.commands.executeCommand<ConvertOutcome>('postmortem.convertToStandardFormat', { document: original.toString(), confirm: false });
    ok(outcome?.refused, 'the outcome says nothing was written');
    equal(appeared.length, 1);
    equal(outcome.target, appeared[0].toString());
    equal(await readDisk(appeared[0]), theirs, 'their file is unchanged');
    equal(await readDisk(original), before, 'the original is unchanged');
    equal(refusals.length, 1, `one message: ${refusals.join(' | ')}`);
    ok(/^Not converted: legacy-review(-\d+)?\.postmortem\.md was created by something else while converting legacy-review\.md; it was not overwritten\./.test(refusals[0]), refusals[0]);
    ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === outcome.target), 'their file is not opened as if it were the conversion');
  });

  test('without a race both still create their file (through the same create)', async () => {
    const { newFileSeam } = await api();
    newFileSeam.beforeCreate = async (uri) => {
      appeared.push(uri);
    };
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.newPostmortem', { title: 'No race for this name', open: false });
    ok(created, 'created');
    ok(/^---\ntype: postmortem\n/.test(await readDisk(created)), 'the template was written');
    const { indexer } = await api();
    // The Post-mortems view and the metrics list it: a workspace edit's create reaches the index.
    await waitFor(indexer.onDidChange, () => indexer.index.has(created.toString()), 'the index to pick up the created file', 10_000);
    const outcome = await vscode.commands.executeCommand<ConvertOutcome>('postmortem.convertToStandardFormat', { document: workspaceUri('imports', 'legacy-review.md').toString(), confirm: false });
    ok(outcome && !outcome.refused, `converted: ${outcome?.refused}`);
    ok(/^---\ntype: postmortem\n/.test(await readDisk(vscode.Uri.parse(outcome.target))), 'the converted text was written');
    equal(refusals.length, 0);
  });
});

import * as vscode from 'vscode';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, workspaceUri } from './helpers';

declare const PM_EXPECTED_HOST: 'node' | 'webworker';

type MarkResult = { changed: boolean; refused?: boolean; message?: string };

/**
 * The editor keeps the CLI's rules for the files it writes (src/core/files/writeTarget.ts): Mark done
 * on a file that is read-only, or that a symlink leads out of the workspace, writes nothing and says
 * why, naming the file. The files are staged by run.mjs (git cannot carry a mode or a link, and the
 * web worker cannot make them): `write-targets/` in the workspace, `outside/` beside it.
 */
suite('Write targets: the editor writes where the CLI would, nowhere else', () => {
  const ITEM_LINE = 4;
  const ITEM = 'Rotate the deploy key @alice';
  const target = (name: string) => workspaceUri('write-targets', name);
  const outside = (...names: string[]) => {
    const folder = workspaceUri();
    return folder.with({ path: [folder.path.replace(/\/[^/]+\/?$/, ''), 'outside', ...names].join('/') });
  };
  const outsideKeys = () => outside('keys.md');
  const outsideNames = async () => (await vscode.workspace.fs.readDirectory(outside())).map(([n]) => n).sort().join(', ');
  const disk = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const openDoc = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const mark = (uri: vscode.Uri) => vscode.commands.executeCommand<MarkResult>('postmortem.markActionItemDone', { uri, line: ITEM_LINE, text: ITEM });
  let outsideBefore = '';

  suiteSetup(async () => {
    await api();
    await closeAll();
    const staged = await vscode.workspace.fs.stat(target('linked-out.md')).then(() => true, () => false);
    ok(staged, 'write-targets/ is staged by test/integration/run.mjs (run the suite through it)');
    outsideBefore = await disk(outsideKeys());
    ok(outsideBefore.includes(`- [ ] ${ITEM}`), 'the file outside the workspace holds the open item');
  });
  suiteTeardown(async () => {
    await closeAll();
    // The refusals' warnings name the scratch folder: the run's closing screenshot must not show it.
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  /** Refused, said naming the file, nothing written there or outside, no unsaved change left for a later Save All. */
  async function assertRefused(uri: vscode.Uri, result: MarkResult, why: RegExp): Promise<void> {
    equal(result.changed, false, `not marked: ${result.message}`);
    equal(result.refused, true, 'a refusal (a warning), not a "nothing to do"');
    const name = vscode.workspace.asRelativePath(uri, false);
    ok(result.message?.startsWith(`Nothing was written to ${name}: `), `names the file: ${result.message}`);
    ok(why.test(result.message ?? ''), `says why (${why}): ${result.message}`);
    ok((await disk(uri)).includes(`- [ ] ${ITEM}`), `${name} still shows the item open`);
    equal(await disk(outsideKeys()), outsideBefore, 'the file outside the workspace is unchanged');
    ok(!openDoc(uri)?.isDirty, 'no unsaved change left behind');
  }

  if (PM_EXPECTED_HOST === 'node') {
    test('a read-only file (chmod 444; VS Code runs as root here and could write it): refused, as `lint --fix` refuses it', async () => {
      const uri = target('read-only.md');
      await assertRefused(uri, await mark(uri), /it is read-only \(no write permission\); not changed\. Make it writable \(chmod u\+w\)/);
    });

    test('a symlink to a file outside the workspace: refused, saying where it leads', async () => {
      const uri = target('linked-out.md');
      await assertRefused(uri, await mark(uri), /it leads to \/.*\/outside\/keys\.md, outside the workspace folders \(\/.*acme-shop\); a symlink out of the tree is never written through/);
    });

    test('a file in a symlinked folder that leads out of the workspace: refused', async () => {
      const uri = target('linked-folder/keys.md');
      await assertRefused(uri, await mark(uri), /it leads to \/.*\/outside\/keys\.md, outside the workspace folders/);
    });

    test('a symlink to a file inside the workspace: marked done, written to the file it leads to, the link kept', async () => {
      const link = target('linked-in.md');
      const result = await mark(link);
      ok(result.changed, `marked: ${result.message}`);
      ok((await disk(target('plain.md'))).includes(`- [x] ${ITEM} done:`), 'the linked file has the item done');
      const stat = await vscode.workspace.fs.stat(link);
      ok(stat.type & vscode.FileType.SymbolicLink, 'still a symlink (not replaced by a copy)');
    });
  } else {
    // The web worker has no realpath: VS Code's file system API says a path is a link, not where it leads.
    test('a symlink to a file outside the workspace: refused, the link named', async () => {
      const uri = target('linked-out.md');
      await assertRefused(uri, await mark(uri), /it is reached through the symbolic link write-targets\/linked-out\.md, and this editor cannot see where the link leads/);
    });

    test('a file in a symlinked folder: refused, the linked folder named', async () => {
      const uri = target('linked-folder/keys.md');
      await assertRefused(uri, await mark(uri), /through the symbolic link write-targets\/linked-folder,/);
    });

    test('a symlink inside the workspace: refused too (where it leads cannot be told), the linked file unchanged', async () => {
      const uri = target('linked-in.md');
      await assertRefused(uri, await mark(uri), /through the symbolic link write-targets\/linked-in\.md,/);
      ok((await disk(target('plain.md'))).includes(`- [ ] ${ITEM}`), 'plain.md unchanged');
    });
  }

  test('Convert of a file in a symlinked folder: the converted copy would land outside the workspace, so nothing is written', async () => {
    const before = await outsideNames();
    const source = target('linked-folder/notes.md');
    const outcome = await vscode.commands.executeCommand<{ refused?: string } | undefined>('postmortem.convertToStandardFormat', { document: source.toString(), confirm: false });
    const why = PM_EXPECTED_HOST === 'node'
      ? /^Not converted: nothing was written to write-targets\/linked-folder\/notes\.postmortem\.md: it leads to \/.*\/outside\/notes\.postmortem\.md, outside the workspace folders/
      : /^Not converted: nothing was written to write-targets\/linked-folder\/notes\.postmortem\.md: it is reached through the symbolic link write-targets\/linked-folder,/;
    ok(why.test(outcome?.refused ?? ''), `refused, saying why: ${outcome?.refused}`);
    equal(await outsideNames(), before, 'no new file outside the workspace');
  });

  test('Attach Evidence to a file whose evidence folder is a symlink out of the workspace: nothing copied, nothing linked', async () => {
    const before = await outsideNames();
    const doc = target('plain.md');
    const text = await disk(doc);
    const outcome = await vscode.commands.executeCommand<{ applied: boolean; message: string }>('postmortem.attachEvidence', {
      document: doc.toString(), files: [workspaceUri('imports', 'alerts.csv').toString()], caption: 'alerts', confirm: false,
    });
    equal(outcome.applied, false, outcome.message);
    const why = PM_EXPECTED_HOST === 'node'
      ? /^Nothing was attached: nothing was written to write-targets\/plain\.assets: it leads to \/.*\/outside\/evidence, outside the workspace folders/
      : /^Nothing was attached: nothing was written to write-targets\/plain\.assets: it is reached through the symbolic link write-targets\/plain\.assets,/;
    ok(why.test(outcome.message), `says why: ${outcome.message}`);
    equal(await outsideNames(), before, 'nothing copied outside the workspace');
    equal(await disk(doc), text, 'no evidence link written');
    ok(!openDoc(doc)?.isDirty, 'no unsaved change left behind');
  });

  test('a plain file beside them is marked done (the checks refuse only what they should)', async () => {
    const uri = target('plain.md');
    const before = await disk(uri);
    // In the Node host an earlier test marked it through its link: reopen it first.
    if (before.includes(`- [x] ${ITEM}`)) {
      const reopened = await vscode.commands.executeCommand<MarkResult>('postmortem.reopenActionItem', { uri, line: ITEM_LINE, text: ITEM });
      ok(reopened.changed, `reopened: ${reopened.message}`);
    }
    const result = await mark(uri);
    ok(result.changed, `marked: ${result.message}`);
    ok((await disk(uri)).includes(`- [x] ${ITEM} done:`), 'written');
  });
});

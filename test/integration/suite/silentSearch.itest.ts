import * as vscode from 'vscode';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import type { FileSearch } from '../../../src/vscode/index/fileSearch';
import { api, waitFor } from './helpers';

type Api = Awaited<ReturnType<typeof api>>;
interface Outcome { readonly message: string; readonly ok: boolean }
interface LintOutcome { readonly message: string; readonly ran: boolean; readonly files: number }

const READING = 'Reading the workspace…';
const SILENT = 'The workspace\'s file search did not answer in 1.5 s, so its post-mortems are not known yet (the views fill in if it answers). Re-read All Post-mortems (in the view\'s … menu) to try again.';

/** A search held until `release()`: what a slow or stuck workbench search looks like to the index. */
function heldSearch(real: FileSearch, silentAfterMs: number): { search: FileSearch; release: () => void; asked: () => number } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked = 0;
  return {
    search: {
      find: (include, exclude, max) => {
        asked++;
        return gate.then(() => real.find(include, exclude, max));
      },
      silentAfterMs,
    },
    release,
    asked: () => asked,
  };
}

/**
 * Trial14b F6 in a real VS Code: code-server's file search never answered after a window switch,
 * and both views said "No post-mortems in this workspace yet" while Lint All and Re-read All said
 * nothing. The index's search is replaced by one the test holds.
 */
suite('The views and commands say what they do not know while the workspace is read', () => {
  let a: Api;
  let real: FileSearch;

  suiteSetup(async () => {
    a = await api();
    await a.indexer.ready();
    real = a.indexer.search;
  });

  teardown(async () => {
    a.indexer.search = real;
    if (a.indexer.state.kind !== 'built') await a.indexer.rebuild();
    await waitFor(a.indexer.onDidChangeState, () => a.indexer.state.kind === 'built', 'the index built again', 30_000);
  });

  test('while the files are listed both views say "Reading the workspace…", then show the items', async () => {
    const before = a.indexer.index.size;
    ok(before > 0, 'the fixture workspace has post-mortems');
    const held = heldSearch(real, 60_000);
    a.indexer.search = held.search;
    const rereading = vscode.commands.executeCommand<Outcome>('postmortem.library.refresh');
    await waitFor(a.indexer.onDidChangeState, () => held.asked() > 0, 'the search asked');
    equal(a.library.message, READING);
    equal(a.actionItems.message, READING);
    held.release();
    const outcome = await rereading;
    equal(outcome.ok, true);
    ok(outcome.message.startsWith(`Re-read ${before} post-mortems in the workspace`), outcome.message);
    equal(a.indexer.index.size, before);
    ok(!(a.library.message ?? '').includes(READING), `library message: ${a.library.message}`);
    ok(!(a.actionItems.message ?? '').includes(READING), `action items message: ${a.actionItems.message}`);
    ok(a.library.provider.getChildren().length > 0, 'the library lists the post-mortems again');
    ok((await a.actionItems.provider.getChildren()).length > 0, 'the action items are listed again');
  });

  test('a search that never answers: the views say so after the time-out, Re-read All and Lint All say why they could not', async () => {
    const held = heldSearch(real, 1500);
    a.indexer.search = held.search;
    const reread = await vscode.commands.executeCommand<Outcome>('postmortem.actionItems.refresh');
    equal(reread.ok, false);
    equal(reread.message, SILENT);
    equal(a.indexer.state.kind, 'search-silent');
    equal(a.library.message, SILENT);
    equal(a.actionItems.message, SILENT);
    const lint = await vscode.commands.executeCommand<LintOutcome>('postmortem.lintWorkspace');
    equal(lint.ran, false);
    equal(lint.message, `Lint All Post-mortems did not run: ${SILENT}`);
    // The search answering after all: the views fill in without another Re-read.
    held.release();
    await waitFor(a.indexer.onDidChangeState, () => a.indexer.state.kind === 'built', 'the late answer read', 30_000);
    ok(a.indexer.index.size > 0, 'the post-mortems are read from the late answer');
    ok(!(a.library.message ?? '').includes('file search'), `library message: ${a.library.message}`);
    const linted = await vscode.commands.executeCommand<LintOutcome>('postmortem.lintWorkspace');
    equal(linted.ran, true);
    ok(new RegExp(`^Linted ${a.indexer.index.size} post-mortems: \\d+ problems`).test(linted.message), linted.message);
  });

  test('a search that fails: the views and Re-read All name the error', async () => {
    a.indexer.search = { find: () => Promise.reject(new Error('search provider gone')), silentAfterMs: 60_000 };
    const reread = await vscode.commands.executeCommand<Outcome>('postmortem.library.refresh');
    const said = 'The workspace\'s post-mortems could not be listed: search provider gone. Re-read All Post-mortems (in the view\'s … menu) to try again.';
    equal(reread.message, said);
    equal(a.library.message, said);
    equal(a.actionItems.message, said);
  });
});

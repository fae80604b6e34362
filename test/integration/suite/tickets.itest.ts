import * as vscode from 'vscode';
import { deepEqual, equal, ok } from '../../vscode-harness/in-host/assert';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { api, codeOf, nextEvent, waitFor, waitForDiagnostics, workspaceUri } from './helpers';

declare const PM_EXPECTED_HOST: 'node' | 'webworker';

/**
 * Tickets end to end in a real VS Code: a GitHub-shaped tracker on 127.0.0.1 (the request and answer
 * shapes are checked against GitHub's published description in the unit tests, test/trackers/), the
 * rc file pointing at it, "Create Ticket…" from the code action, the preview accepted, the address
 * written back as one undoable edit, a second run finding the ticket by its marker, and a closed
 * ticket's diagnostic with its "mark done" fix. Node host only: the stand-in is a Node HTTP server.
 */
interface Issue { number: number; title: string; body: string; assignees: string[]; state: 'open' | 'closed'; closed_at: string | null }

function startTracker(): Promise<{ server: Server; url: string; issues: Issue[]; posts: { auth?: string; body: Record<string, unknown> }[] }> {
  // Loaded at run time: the web bundle of this suite must not contain Node's http module.
  const load = typeof require === 'function' ? require : undefined;
  const http = load!(['node', 'http'].join(':')) as typeof import('node:http');
  const issues: Issue[] = [];
  const posts: { auth?: string; body: Record<string, unknown> }[] = [];
  const json = (issue: Issue) => ({ ...issue, html_url: `https://github.com/acme/shop/issues/${issue.number}`, url: `https://api.github.com/repos/acme/shop/issues/${issue.number}` });
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== 'Bearer it-token') return send(401, { message: 'Bad credentials' });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname === '/repos/acme/shop/issues') {
        const body = JSON.parse(raw) as { title: string; body: string; assignees?: string[] };
        posts.push({ ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), body });
        const issue: Issue = { number: issues.length + 1, title: body.title, body: body.body, assignees: body.assignees ?? [], state: 'open', closed_at: null };
        issues.push(issue);
        return send(201, json(issue));
      }
      if (req.method === 'GET' && url.pathname === '/repos/acme/shop/issues') return send(200, [...issues].reverse().map(json));
      const one = /^\/repos\/acme\/shop\/issues\/(\d+)$/.exec(url.pathname);
      const issue = one ? issues.find((i) => i.number === Number(one[1])) : undefined;
      return issue ? send(200, json(issue)) : send(404, { message: 'Not Found' });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, issues, posts })));
}

const ITEM = '- [ ] Add pool saturation alert @dana due:2026-12-04 P1';
const DOC = `---
type: postmortem
id: PM-2026-090
title: Checkout pool exhaustion
status: draft
---

# Checkout pool exhaustion

## Action items

${ITEM}
- [ ] Load-test checkout @bob
`;

if (PM_EXPECTED_HOST === 'node') {
  suite('Tickets in a tracker (stand-in on 127.0.0.1)', () => {
    let tracker: Awaited<ReturnType<typeof startTracker>>;
    const folder = () => workspaceUri('tickets-it');

    suiteSetup(async () => {
      tracker = await startTracker();
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), '.postmortemrc.json'), new TextEncoder().encode(JSON.stringify({
        tracker: { type: 'github', repository: 'acme/shop', url: tracker.url, labels: ['postmortem'] },
        owners: { dana: { github: 'dana-l' } },
      })));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'postmortems', '2026-12-01-pool.md'), new TextEncoder().encode(DOC));
    });
    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder(), { recursive: true });
      tracker.server.close();
    });

    test('Create Ticket from the code action: preview, key written back as one undoable edit; a second run finds the ticket; a closed ticket gives a diagnostic whose fix marks the item done', async () => {
      const pm = await api();
      await pm.trackers.storeToken('github', 'it-token');
      const uri = vscode.Uri.joinPath(folder(), 'postmortems', '2026-12-01-pool.md');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      const line = editor.document.getText().split('\n').indexOf(ITEM);
      await pm.diagnostics.lintNow(editor.document);

      const range = new vscode.Range(line, 0, line, 0);
      // The rc file was just written: its config is (re)loaded on the watcher's event, then offered.
      await pm.diagnostics.lintNow(editor.document);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
      const create = actions.find((a) => a.title === 'Create Ticket…');
      ok(create?.command, `"Create Ticket…" among ${actions.map((a) => a.title).join(', ')}`);

      const shown = nextEvent(pm.trackers.create.onDidShowPreview, () => true, 'the ticket preview');
      const running = vscode.commands.executeCommand<{ created: number; written: boolean }>(create.command.command, ...(create.command.arguments ?? []));
      const preview = await shown;
      deepEqual(preview.items.map((i) => i.label), ['Add pool saturation alert']);
      ok(preview.items[0]!.detail?.includes('assignee dana-l') && preview.items[0]!.detail.includes('due 2026-12-04'), preview.items[0]!.detail);
      equal(tracker.posts.length, 0, 'nothing sent before the preview is accepted');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const result = await running;
      equal(result.created, 1);
      equal(result.written, true);
      equal(tracker.posts.length, 1);
      deepEqual(tracker.posts[0]!.body.assignees, ['dana-l']);
      ok(String(tracker.posts[0]!.body.body).includes('<!-- postmortem-item: PM-2026-090/'), 'the hidden marker is in the body');
      equal(editor.document.lineAt(line).text, `${ITEM} https://github.com/acme/shop/issues/1`);

      await vscode.commands.executeCommand('undo');
      equal(editor.document.lineAt(line).text, ITEM, 'one Undo removes the written ticket');

      // The ticket exists; running again finds it by its marker instead of creating a second one.
      const again = nextEvent(pm.trackers.create.onDidShowPreview, () => true, 'the second preview');
      const second = vscode.commands.executeCommand<{ created: number }>('postmortem.createTicket', { uri: uri.toString(), line, text: ITEM.slice(6) });
      await again;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      equal((await second).created, 1);
      equal(tracker.posts.length, 1, 'no second POST');
      equal(editor.document.lineAt(line).text, `${ITEM} https://github.com/acme/shop/issues/1`);

      tracker.issues[0]!.state = 'closed';
      tracker.issues[0]!.closed_at = '2026-11-30T16:00:00Z';
      const message = await vscode.commands.executeCommand<string>('postmortem.refreshTicketStatus', uri);
      ok(message.startsWith('1 ticket checked, 1 disagrees'), message);
      const ds = await waitForDiagnostics(uri, (x) => x.some((d) => codeOf(d) === 'tickets/closed'), 'the closed-ticket diagnostic');
      const closed = ds.find((d) => codeOf(d) === 'tickets/closed')!;
      equal(closed.range.start.line, line);
      equal(closed.severity, vscode.DiagnosticSeverity.Warning);

      // The index follows the edit (the ticket written back) on its own event: wait for it, then draw the row.
      const item = await waitFor(pm.indexer.onDidChange, () => pm.indexer.index.openItems({}).find((o) => o.uri === uri.toString() && o.item.line === line && o.item.ticket !== undefined), 'the item with its ticket in the index');
      const row = pm.actionItems.provider.getTreeItem({ kind: 'item', open: item, overdue: false });
      ok(String(row.description).includes('ticket closed 2026-11-30'), `tree row: ${String(row.description)}`);

      const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, closed.range, vscode.CodeActionKind.QuickFix.value);
      const markDone = fixes.find((a) => a.title === 'Mark done (done:2026-11-30)');
      ok(markDone?.edit, `"Mark done (done:2026-11-30)" among ${fixes.map((a) => a.title).join(', ')}`);
      ok(await vscode.workspace.applyEdit(markDone.edit));
      equal(editor.document.lineAt(line).text, `- [x] Add pool saturation alert @dana due:2026-12-04 P1 https://github.com/acme/shop/issues/1 done:2026-11-30`);
      await waitForDiagnostics(uri, (x) => !x.some((d) => codeOf(d) === 'tickets/closed'), 'the diagnostic to go once the item is done');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('Create Ticket never posts a secret or a phone number from the item: the preview and the POST carry placeholders, the result says what was held back (trial 14a F30)', async () => {
      const pm = await api();
      await pm.trackers.storeToken('github', 'it-token');
      const leaky = '- [ ] Revoke ghp_abcdefghijklmnopqrstuvwxyz0123456789 and call +1 415 867 5309 @dana';
      const uri = vscode.Uri.joinPath(folder(), 'postmortems', '2026-12-02-leak.md');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(DOC.replace('PM-2026-090', 'PM-2026-091').replace(ITEM, leaky)));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      const line = editor.document.getText().split('\n').indexOf(leaky);
      const before = tracker.posts.length;
      const shown = nextEvent(pm.trackers.create.onDidShowPreview, () => true, 'the ticket preview');
      const running = vscode.commands.executeCommand<{ created: number; heldBack: number; message: string }>('postmortem.createTicket', { uri: uri.toString(), line, text: leaky.slice(6) });
      const preview = await shown;
      deepEqual(preview.items.map((i) => i.label), ['Revoke [redacted: github-token] and call [redacted: phone]']);
      ok(preview.items[0]!.detail?.includes('held back: github-token, phone'), preview.items[0]!.detail);
      ok(preview.title?.includes('held back from 1'), preview.title);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const result = await running;
      equal(result.created, 1);
      equal(result.heldBack, 2);
      ok(result.message.includes('Held back 2 secret or personal values (github-token, phone)'), result.message);
      equal(tracker.posts.length, before + 1);
      const posted = JSON.stringify(tracker.posts[before]!.body);
      ok(!/ghp_abc|867 5309/.test(posted), posted);
      equal(tracker.posts[before]!.body.title, 'Revoke [redacted: github-token] and call [redacted: phone]');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('a pasted copy of an item above it finds the original\'s ticket by its marker: Not linked, said, nothing posted or written (trial18d F1 in the editor)', async () => {
      const pm = await api();
      await pm.trackers.storeToken('github', 'it-token');
      const canary = '- [ ] Add a canary @dana';
      const uri = vscode.Uri.joinPath(folder(), 'postmortems', '2026-12-03-dup.md');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(DOC.replace('PM-2026-090', 'PM-2026-092').replace(ITEM, canary)));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      const line = editor.document.getText().split('\n').indexOf(canary);
      const create = async () => {
        const shown = nextEvent(pm.trackers.create.onDidShowPreview, () => true, 'the ticket preview');
        const running = vscode.commands.executeCommand<{ created: number; failed: number; written: boolean; message: string }>('postmortem.createTicket', { uri: uri.toString(), line, text: canary.slice(6) });
        await shown;
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return running;
      };
      equal((await create()).created, 1);
      const posts = tracker.posts.length;
      const number = tracker.issues.length;
      equal(editor.document.lineAt(line).text, `${canary} https://github.com/acme/shop/issues/${number}`);
      // A copy of the item pasted above it (without the address): it takes the original's place among equal items.
      const paste = new vscode.WorkspaceEdit();
      paste.insert(uri, new vscode.Position(line, 0), `${canary}\n`);
      ok(await vscode.workspace.applyEdit(paste));
      const text = editor.document.getText();
      const result = await create();
      equal(result.created, 0);
      equal(result.failed, 1);
      ok(result.message.includes(`Not linked: "Add a canary": acme/shop#${number} carries this item's marker but is the ticket of line ${line + 2} already`), result.message);
      equal(tracker.posts.length, posts, 'no second POST');
      equal(editor.document.getText(), text, 'nothing written');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });
}

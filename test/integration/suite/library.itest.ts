import * as vscode from 'vscode';
import { deepEqual, equal, ok } from '../../vscode-harness/in-host/assert';
import { IdResolver } from '../../../src/vscode/library/navigation/idResolver';
import { IdRenameProvider } from '../../../src/vscode/library/navigation/providers';
import { api, closeAll, codeOf, waitFor, waitForDiagnostics, workspaceUri } from './helpers';
import { readSummary } from '../../../src/core/index';

type Api = Awaited<ReturnType<typeof api>>;

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/**
 * The library's groups as `group label` → row labels, as a user reads them. The "Similar past
 * incidents" section above the groups (shown while a post-mortem is the active editor, which depends
 * on what the suites before left open) is not a group: its own test checks it.
 */
function tree(a: Api): Record<string, string[]> {
  const p = a.library.provider;
  const result: Record<string, string[]> = {};
  for (const group of p.getChildren()) {
    const item = p.getTreeItem(group);
    if (item.contextValue !== 'libraryGroup') continue;
    result[labelOf(item)] = p.getChildren(group).map((c) => labelOf(p.getTreeItem(c)));
  }
  return result;
}

const CHECKOUT = 'Checkout errors after connection-pool exhaustion';
const DNS = 'Internal DNS resolution failures';

suite('Post-mortem library view', () => {
  let a: Api;
  suiteSetup(async () => {
    a = await api();
    await closeAll();
  });
  teardown(() => {
    a.library.setFilter({});
    a.library.setGroupBy('service');
  });

  test('groups every post-mortem of the workspace by service, severity and status; a row says date, severity, duration and open items', () => {
    a.library.setGroupBy('service');
    const byService = tree(a);
    deepEqual(byService.checkout, [CHECKOUT]);
    deepEqual(byService.payments, [CHECKOUT], 'a post-mortem of two services is under each');
    ok(byService['No service'].includes(DNS), 'no services: the none group');
    ok(!Object.values(byService).flat().includes('Team meeting notes'), 'meeting notes are not a post-mortem');
    equal(Object.keys(byService).at(-1), 'No service', 'the none group comes last');

    a.library.setGroupBy('severity');
    const bySeverity = tree(a);
    ok(bySeverity.SEV2.includes(CHECKOUT), 'SEV2 group');
    // The fixtures write `sev2`/`sev3` beside `SEV2`/`SEV3` (other suites fix some of them): one group per severity, whatever the case.
    ok(!Object.keys(bySeverity).some((k) => /^sev/.test(k)), `groups: ${Object.keys(bySeverity).join(', ')}`);
    ok(Object.keys(bySeverity).indexOf('SEV2') < Object.keys(bySeverity).indexOf('SEV3'));

    const p = a.library.provider;
    const row = p.getChildren(p.getChildren().find((g) => labelOf(p.getTreeItem(g)) === 'SEV2')!).find((r) => labelOf(p.getTreeItem(r)) === CHECKOUT)!;
    const item = p.getTreeItem(row);
    ok(typeof item.description === 'string' && /^2026-11-20 · SEV2 · .*open item/.test(item.description), `row description: ${String(item.description)}`);
    equal(item.command?.command, 'vscode.open', 'a click opens the file');
    ok(String((item.command?.arguments?.[0] as vscode.Uri).path).endsWith('/postmortems/2026-11-20-checkout-errors.md'));
  });

  test('a row whose front-matter times have no zone says they were read as UTC when the writer is elsewhere (as `postmortem list` does)', async () => {
    const uri = workspaceUri('postmortems', 'library-zoneless.md');
    const config = vscode.workspace.getConfiguration('postmortem');
    const TITLE = 'Zone-less times in the front matter';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`---\ntype: postmortem\nid: PM-IT-LIB-ZONELESS\ntitle: ${TITLE}\nstatus: draft\nstarted_at: 2026-12-05 21:35\nresolved_at: 2026-12-05 23:35\n---\n\n# ${TITLE}\n`));
    const p = a.library.provider;
    const row = () => {
      for (const g of p.getChildren()) for (const r of p.getChildren(g)) if (labelOf(p.getTreeItem(r)) === TITLE) return p.getTreeItem(r);
      return undefined;
    };
    try {
      await waitFor(a.indexer.onDidChange, () => a.indexer.index.knownIds().has('PM-IT-LIB-ZONELESS'), 'the zone-less post-mortem in the index');
      await config.update('zone', 'UTC', vscode.ConfigurationTarget.Workspace);
      const inUtc = await waitFor(p.onDidChangeTreeData, () => { const item = row(); return item && !String(item.description).includes('⚠') ? item : undefined; }, 'a plain row for a writer in UTC');
      ok(String(inUtc.description).startsWith('2026-12-05'), `row: ${String(inUtc.description)}`);
      await config.update('zone', 'Europe/Berlin', vscode.ConfigurationTarget.Workspace);
      const inBerlin = await waitFor(p.onDidChangeTreeData, () => { const item = row(); return item && String(item.description).includes('⚠') ? item : undefined; }, 'the zone note for a writer in Berlin', 20_000, () => String(row()?.description));
      ok(String(inBerlin.description).endsWith(' · ⚠ times read as UTC'), `row: ${String(inBerlin.description)}`);
      // Markdown text as the tooltip holds it: spaces as &nbsp;, punctuation escaped.
      const tip = (inBerlin.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
      ok(tip.includes('while you write in Europe/Berlin: started_at is 21:35Z if UTC, 20:35Z if Europe/Berlin'), tip);
    } finally {
      await config.update('zone', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('filters by status, service and text, says so above the tree, and Clear Filters shows all again', async () => {
    a.library.setGroupBy('status');
    const all = Object.values(tree(a)).flat().length;
    await vscode.commands.executeCommand('postmortem.library.filter', { status: 'in-review' });
    deepEqual(tree(a), { 'in-review': [CHECKOUT] });
    ok(a.library.message?.startsWith('Only status in-review: 1 of '), `message: ${a.library.message}`);
    a.library.setFilter({ text: 'dns resolution' });
    deepEqual(tree(a), { draft: [DNS] });
    a.library.setFilter({ service: 'PAYMENTS', severity: 'sev2' });
    deepEqual(Object.values(tree(a)).flat(), [CHECKOUT]);
    await vscode.commands.executeCommand('postmortem.library.clearFilters');
    equal(Object.values(tree(a)).flat().length, all);
    equal(a.library.message, 'Grouped by status.');
  });
});

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

suite('Post-mortem ids: definition, references, hover, rename, links, symbols', () => {
  let a: Api;
  const teardownDisposables: vscode.Disposable[] = [];
  const folder = () => workspaceUri('postmortems', 'library-it');
  const A = () => vscode.Uri.joinPath(folder(), 'a.md');
  const B = () => vscode.Uri.joinPath(folder(), 'b.md');
  const pm = (id: string, title: string, extra: string, body: string) =>
    `---\ntype: postmortem\nid: ${id}\ntitle: ${title}\nstatus: draft\nseverity: SEV2\nservices: [checkout]\nstarted_at: 2026-03-30T10:00:00Z\n${extra}---\n\n# ${title}\n\n## Summary\n\n${body}\n`;

  suiteSetup(async () => {
    a = await api();
    await closeAll();
    await write(B(), pm('PM-IT-LIB-B', 'Earlier pool exhaustion in checkout', '', 'The checkout pool ran dry under a sale.'));
    await write(A(), pm('PM-IT-LIB-A', 'Checkout pool exhausted again', 'related:\n  - PM-IT-LIB-B\n', 'This repeats PM-IT-LIB-B.'));
    await waitFor(a.indexer.onDidChange, () => a.indexer.index.knownIds().has('PM-IT-LIB-A') && a.indexer.index.knownIds().has('PM-IT-LIB-B'), 'the two new post-mortems in the index');
  });
  suiteTeardown(async () => {
    for (const d of teardownDisposables) d.dispose();
    await closeAll();
    await vscode.workspace.fs.delete(folder(), { recursive: true });
  });

  test('go to definition from `related` and from text lands on the other file\'s id line; hover names it', async () => {
    const doc = await vscode.workspace.openTextDocument(A());
    const relatedLine = doc.getText().split('\n').findIndex((l) => l.includes('- PM-IT-LIB-B'));
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', A(), new vscode.Position(relatedLine, 6));
    const def = defs.map((d) => ('targetUri' in d ? { uri: d.targetUri, range: d.targetRange } : d)).find((d) => d.uri.toString() === B().toString());
    ok(def, `definition in b.md: ${JSON.stringify(defs)}`);
    equal(def.range.start.line, 2, 'the `id:` line of b.md');
    const textLine = doc.getText().split('\n').findIndex((l) => l.startsWith('This repeats'));
    const fromText = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', A(), new vscode.Position(textLine, 15));
    ok(fromText.some((d) => ('targetUri' in d ? (d as unknown as vscode.LocationLink).targetUri : d.uri).toString() === B().toString()), 'definition from a mention in text');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', A(), new vscode.Position(relatedLine, 6));
    // Markdown text as the hover holds it: spaces as &nbsp;, punctuation escaped.
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    ok(text.includes('Earlier pool exhaustion in checkout') && text.includes('2026-03-30') && text.includes('SEV2') && text.includes('ran dry'), `hover: ${text}`);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', A());
    ok(links.filter((l) => l.target?.path.endsWith('/library-it/b.md')).length >= 2, 'the related entry and the mention are links to b.md');
  });

  test('find references lists the id line, the related entry and the mention across files', async () => {
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', B(), new vscode.Position(2, 6));
    const seen = refs.map((r) => `${r.uri.path.split('/').pop()}:${r.range.start.line}`).sort();
    const docA = (await vscode.workspace.openTextDocument(A())).getText().split('\n');
    deepEqual(seen, [`a.md:${docA.findIndex((l) => l.includes('- PM-IT-LIB-B'))}`, `a.md:${docA.findIndex((l) => l.startsWith('This repeats'))}`, 'b.md:2'].sort());
  });

  test('workspace symbols find a post-mortem by title words and by id', async () => {
    const byTitle = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'earlier pool');
    ok(byTitle.some((s) => s.name === 'PM-IT-LIB-B Earlier pool exhaustion in checkout' && s.location.uri.toString() === B().toString()), `symbols: ${byTitle.map((s) => s.name).join(', ')}`);
    const byId = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'PM-IT-LIB-A');
    ok(byId.some((s) => s.location.uri.toString() === A().toString()));
  });

  test('the library proposes the earlier incident as similar to the open one, and Add to Related writes its id', async () => {
    // A's `related` already has B: write a third, later one that does not, about the same service and words.
    const C = vscode.Uri.joinPath(folder(), 'c.md');
    await write(C, pm('PM-IT-LIB-C', 'Checkout pool exhausted during the sale', '', 'The checkout pool ran dry again under a sale.').replace('2026-03-30', '2026-11-30'));
    await waitFor(a.indexer.onDidChange, () => a.indexer.index.knownIds().has('PM-IT-LIB-C'), 'c.md in the index');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(C));
    const p = a.library.provider;
    const root = await waitFor(p.onDidChangeTreeData, () => p.getChildren().find((n) => n.kind === 'similarRoot' && n.uri === C.toString()), 'the similar section for c.md');
    const rows = p.getChildren(root);
    const b = rows.find((r) => r.kind === 'similar' && r.found.summary.id === 'PM-IT-LIB-B');
    ok(b && b.kind === 'similar', `proposed: ${rows.map((r) => labelOf(p.getTreeItem(r))).join(' | ')}`);
    const item = p.getTreeItem(b);
    ok(String(item.description).startsWith('same service: checkout') && String(item.description).endsWith('2026-03-30'), `reason: ${String(item.description)}`);
    equal(item.contextValue, 'librarySimilar.addable');
    ok(await vscode.commands.executeCommand<boolean>('postmortem.library.addRelated', b));
    const text = (await vscode.workspace.openTextDocument(C)).getText();
    ok(text.includes('related:\n  - PM-IT-LIB-B\n---'), text.slice(0, 300));
    // A similar incident without an id cannot be linked: its row says why, with no Add to Related button (trial T21).
    const D = vscode.Uri.joinPath(folder(), 'd-no-id.md');
    await write(D, pm('PM-IT-LIB-D', 'Checkout pool exhausted before the sale', '', 'The checkout pool ran dry before a sale.').replace('id: PM-IT-LIB-D\n', '').replace('2026-03-30', '2026-02-10'));
    const noIdRow = () => p.getChildren(p.getChildren().find((n) => n.kind === 'similarRoot' && n.uri === C.toString())).find((r) => r.kind === 'similar' && r.found.uri === D.toString());
    const d = await waitFor(p.onDidChangeTreeData, noIdRow, 'the id-less d-no-id.md proposed as similar to c.md');
    const dItem = p.getTreeItem(d);
    ok(String(dItem.description).startsWith('no id: give it one to add it to Related · same service: checkout'), `reason: ${String(dItem.description)}`);
    equal(dItem.contextValue, 'librarySimilar.noId');
    // The tooltip's Markdown escapes its text (spaces as &nbsp;): read it as the hover shows it.
    const hover = (dItem.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(?=[\\`*_{}[\]()#+\-.!|<>])/g, '');
    ok(hover.includes('Give it one (for example id: PM-2025-014) and the button appears on this row.'), hover);
    await vscode.workspace.fs.delete(D);
    await closeAll();
    // The next test renames across the index's files: c.md must have left it (the watcher's event comes after the delete resolves).
    const gone = waitFor(a.indexer.onDidChange, () => !a.indexer.index.has(C.toString()), 'c.md leaving the index');
    await vscode.workspace.fs.delete(C);
    await gone;
  });

  test('rename edits the id line and every reference in other files; a taken id is refused', async () => {
    // The provider itself (the workbench's rename command also asks VS Code's Markdown rename, which answers for headings and links).
    const ids = new IdResolver(a.indexer);
    teardownDisposables.push(ids);
    const rename = new IdRenameProvider(ids);
    const docB = await vscode.workspace.openTextDocument(B());
    const refused = await rename.provideRenameEdits(docB, new vscode.Position(2, 6), 'PM-IT-LIB-A').then(() => 'accepted', (e: Error) => e.message);
    ok(/already the id/.test(refused), `a taken id: ${refused}`);
    equal(rename.prepareRename(docB, new vscode.Position(2, 6)) && (rename.prepareRename(docB, new vscode.Position(2, 6)) as { placeholder: string }).placeholder, 'PM-IT-LIB-B');
    const edit = await rename.provideRenameEdits(docB, new vscode.Position(2, 6), 'PM-IT-LIB-Z');
    ok(edit);
    equal(edit.size, 2, 'two files');
    ok(await vscode.workspace.applyEdit(edit));
    const textA = (await vscode.workspace.openTextDocument(A())).getText();
    const textB = (await vscode.workspace.openTextDocument(B())).getText();
    ok(textB.includes('id: PM-IT-LIB-Z\n') && textA.includes('  - PM-IT-LIB-Z\n') && textA.includes('This repeats PM-IT-LIB-Z.'), textA);
    ok(!textA.includes('PM-IT-LIB-B') && !textB.includes('PM-IT-LIB-B'));
  });
});

suite('Contributing factors: completion and schema check', () => {
  const uri = () => workspaceUri('postmortems', 'library-factors.md');
  suiteSetup(async () => {
    await api();
    await closeAll();
    await write(uri(), '---\ntype: postmortem\nid: PM-IT-LIB-F\ntitle: Factors\nstatus: draft\nfactors:\n  - capcity\n  - \n---\n\n# Factors\n\n## Summary\n\nA pool ran out.\n');
  });
  suiteTeardown(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(uri());
  });

  test('a misspelt factor is a diagnostic whose quick fix writes the vocabulary id; completion offers factors with descriptions', async () => {
    const doc = await vscode.workspace.openTextDocument(uri());
    await vscode.window.showTextDocument(doc);
    const ds = await waitForDiagnostics(uri(), (d) => d.some((x) => codeOf(x) === 'factors/unknown'), 'factors/unknown on capcity');
    const d = ds.find((x) => codeOf(x) === 'factors/unknown')!;
    equal(d.range.start.line, 6);
    ok(d.message.includes('"capcity"') && d.message.includes('did you mean "capacity"'), d.message);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(), d.range);
    const fix = actions.find((a) => a.title === 'Change to `capacity`');
    ok(fix?.edit, `fix offered: ${actions.map((a) => a.title).join(', ')}`);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri(), new vscode.Position(7, 4));
    const monitoring = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'monitoring-gap');
    ok(monitoring, `completion items: ${list.items.slice(0, 20).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')}`);
    ok(String(monitoring.documentation).includes('Alerts, dashboards or logs'), 'with its description');
  });
});

/** A tooltip as a person reads it (appendText escapes spaces and punctuation in the Markdown source). */
const shownText = (tooltip: unknown) => (tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');

// trial18b F6 and F8.
suite('Library rows a person can tell apart', () => {
  const one = workspaceUri('postmortems', 'twin-title.md');
  const two = workspaceUri('postmortems', 'twin-copy', 'twin-title.md');
  const text = '---\ntype: postmortem\ntitle: Failed deploy to twin staging\nstatus: draft\nseverity: SEV3\nstarted_at: 2018-01-04T10:00:00Z\n---\n\n# Failed deploy to twin staging\n';
  let a: Api;
  suiteSetup(async () => {
    a = await api();
    const both = waitFor(a.indexer.onDidChange, () => a.indexer.index.has(one.toString()) && a.indexer.index.has(two.toString()), 'both copies indexed');
    await vscode.workspace.fs.writeFile(one, new TextEncoder().encode(text));
    await vscode.workspace.fs.writeFile(two, new TextEncoder().encode(text));
    await both;
  });
  suiteTeardown(async () => {
    const gone = waitFor(a.indexer.onDidChange, () => !a.indexer.index.has(one.toString()) && !a.indexer.index.has(two.toString()), 'both copies gone');
    await vscode.workspace.fs.delete(one);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(two, '..'), { recursive: true });
    await gone;
  });

  test('two files with the same title: each row says its path (description, screen-reader label, tooltip); other rows do not', () => {
    const p = a.library.provider;
    const rows = p.getChildren().filter((n) => n.kind === 'group').flatMap((g) => p.getChildren(g)).map((n) => p.getTreeItem(n));
    const twins = rows.filter((r) => labelOf(r).includes('Failed deploy to twin staging'));
    equal(twins.length, 2, rows.map(labelOf).join('\n'));
    const descriptions = twins.map((r) => String(r.description)).sort();
    ok(descriptions[0]!.endsWith(' · postmortems/twin-copy/twin-title.md'), descriptions.join(' | '));
    ok(descriptions[1]!.endsWith(' · postmortems/twin-title.md'), descriptions.join(' | '));
    for (const r of twins) {
      ok(r.accessibilityInformation?.label.includes('twin-title.md'), r.accessibilityInformation?.label);
      ok(/\n\npostmortems\/(twin-copy\/)?twin-title\.md\n\n/.test(shownText(r.tooltip)), shownText(r.tooltip));
    }
    const other = rows.find((r) => !labelOf(r).includes('twin staging'));
    ok(other && !String(other.description).includes('.md'), String(other?.description));
  });

  test('a similar incident whose front matter was not read is not told to "give it an id" (it has one): it says the front matter was not read', () => {
    const broken = '---\ntype: postmortem\nid: PM-2026-121\ntitle: [unclosed\n---\n\n# Checkout failover\n\n## Summary\n\nCheckout failed over.\n';
    const summary = readSummary(broken);
    equal(summary.id, undefined, 'the id is not known to the reader');
    const item = a.library.provider.getTreeItem({ kind: 'similar', of: one.toString(), found: {
      uri: two.toString(), summary, score: 1, textScore: 1, sharedServices: [], sharedFactors: [], sharedTerms: ['checkout'], alreadyRelated: false, reason: 'similar text: checkout',
    } });
    equal(item.description, '⚠ front matter not read: its id is not known · similar text: checkout');
    ok(shownText(item.tooltip).includes('its front matter could not be read, so whether it has one is not known. Fix its front matter (open it: Problems says what is wrong) and the button appears on this row. Front matter not read, line 4: Missing closing ]'), shownText(item.tooltip));
    const named = a.library.provider.getTreeItem({ kind: 'similar', of: one.toString(), found: {
      uri: two.toString(), summary: readSummary(text), score: 1, textScore: 1, sharedServices: [], sharedFactors: [], sharedTerms: [], alreadyRelated: false, reason: 'dated 2018-01-04',
    } });
    equal(named.description, 'no id: give it one to add it to Related · dated 2018-01-04');
  });
});

import * as vscode from 'vscode';
import { parsePostmortem } from '../../../src/core/document/parse';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import type { MetricsDataMessage, ToMetricsWebview } from '../../../src/shared/protocol/metrics';
import type { MetricsPanel } from '../../../src/vscode/metrics/metricsPanel';
import type { ConvertOutcome } from '../../../src/vscode/importing/convertCommand';
import { api, closeAll, codeOf, nextEvent, openUntitled, readDisk, waitFor, waitForDiagnostics, workspaceUri } from './helpers';
import { choose, questions, typeAndEnter } from './newPostmortemInput';

/**
 * The writer's zone, set through the environment: run.mjs's `zone` run starts VS Code with
 * TZ=Europe/Berlin, which reaches the Node extension host (process.env, Intl). A machine in UTC
 * could not show the trap at all, so this suite runs there only (registered by index.ts).
 */
const WRITER_ZONE = 'Europe/Berlin';
export const ZONE_SUITE = "The writer's zone, set through TZ";

/** A post-mortem from the old template: `timezone: UTC`, with times typed as they were lived. */
const LOCAL_UNDER_UTC = [
  '---',
  'type: postmortem',
  'id: PM-ZONE-TRAP',
  'title: Checkout errors',
  'status: draft',
  'started_at: 2026-11-20T13:00:00Z',
  'timezone: UTC',
  '---',
  '# Checkout errors',
  '',
  '## Summary',
  '',
  'Checkout failed.',
  '',
  '## Timeline',
  '',
  '- 2026-11-20 14:09 [detected] (alert) Pager alert',
  '- 14:21 [mitigated] Rolled back',
  '- 15:10 [resolved] Error rate at baseline',
  '',
].join('\n');

async function completionsAt(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return list.items;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function registerZoneSuite(): void {
  suite(ZONE_SUITE, () => {
    suiteSetup(() => api());
    teardown(() => closeAll());

    test('the extension host runs in the zone the environment set', () => {
      equal(Intl.DateTimeFormat().resolvedOptions().timeZone, WRITER_ZONE);
    });

    test("New Post-mortem writes the writer's zone as timezone, times in UTC, 2-space indentation", async () => {
      const { indexer } = await api();
      const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { title: 'Zone check', started: '2026-11-20 09:30' });
      ok(uri, 'the command returns the new file');
      try {
        const text = await readDisk(uri);
        const doc = parsePostmortem(text);
        equal(doc.meta.timezone, WRITER_ZONE);
        // The start typed as the writer's local time is written in UTC, read in the writer's zone.
        equal(String(doc.meta.started_at), '2026-11-20T08:30:00Z', '09:30 in Berlin (UTC+1 in November)');
        // The start given: the example entry is the start's, in UTC (trial T10), marked [started], not [detected].
        ok(/^- 2026-11-20 08:30Z \[started\] Describe what started the incident$/m.test(text), `the example entry is the start's, in UTC:\n${text}`);
        const editor = vscode.window.activeTextEditor;
        equal(editor?.document.uri.toString(), uri.toString(), 'the new file is open');
        // VS Code guesses indentation from the file: the template's comments must not read as 5 spaces.
        equal(editor?.options.tabSize, 2, 'detected indentation');
        await waitFor(indexer.onDidChange, () => indexer.index.has(uri.toString()), 'the index to pick up the new file');
        // No action item hides in the template: the index counts none.
        equal(indexer.index.get(uri.toString())?.actionItems.length, 0, 'no example action item counted');
      } finally {
        await closeAll();
        const gone = waitFor(indexer.onDidChange, () => !indexer.index.has(uri.toString()), 'the file to leave the index');
        await vscode.workspace.fs.delete(uri);
        await gone;
      }
    });

    test('New Post-mortem asks which was meant when the start names the other season (09:00 CET on a Berlin July day), and takes the answer (trial14b F4)', async () => {
      const pm = await api();
      const q = questions(pm);
      let uri: vscode.Uri | undefined;
      try {
        const created = vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.newPostmortem');
        await typeAndEnter(await q.next(), 'Season check');
        const start = (await q.next()) as vscode.InputBox;
        await typeAndEnter(start, '2026-07-10 09:00 CET');
        // Enter is refused: the box stays, saying which clock was in force and the two ways to write it.
        const said = await until(() => messageOf(start.validationMessage), (m) => m.includes('not in force'), 'the start refused');
        equal(said, '"2026-07-10 09:00 CET": CET was not in force on 2026-07-10 in Europe/Berlin; clocks there showed CEST (UTC+2). Which was meant? 2026-07-10 09:00 Europe/Berlin (its clock then: 2026-07-10T07:00:00Z) or 2026-07-10 09:00 UTC+01:00 (CET as written: 2026-07-10T08:00:00Z)');
        await typeAndEnter(start, '2026-07-10 09:00 Europe/Berlin');
        await choose(await q.next(), 'SEV3', 'SEV3');
        await choose(await q.next(), 'outage', 'outage');
        uri = await created;
        ok(uri, 'the file is created once the start is unambiguous');
        equal(String(parsePostmortem(await readDisk(uri)).meta.started_at), '2026-07-10T07:00:00Z', "09:00 on Berlin's clock in July");
      } finally {
        q.dispose();
        await closeAll();
        if (uri) await vscode.workspace.fs.delete(uri);
      }
    });

    test('`timezone: UTC` with local times: one warning naming both zones, fixes on the heading and on each entry', async () => {
      const { document: doc } = await openUntitled('zone-trap', LOCAL_UNDER_UTC);
      const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'timeline/utc-or-local'), 'the zone-trap warning');
      const trap = diagnostics.filter((d) => codeOf(d) === 'timeline/utc-or-local');
      equal(trap.length, 1, 'one diagnostic, not one per entry');
      equal(trap[0].range.start.line, 14, 'on the ## Timeline heading');
      equal(trap[0].severity, vscode.DiagnosticSeverity.Warning);
      ok(/while you write in Europe\/Berlin: 2026-11-20 14:09 on line 17 is 14:09Z if UTC, 13:09Z if Europe\/Berlin/.test(trap[0].message), trap[0].message);

      const titles = async (line: number) => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(line, 3, line, 3))).map((a) => a.title);
      const onHeading = await titles(14);
      ok(onHeading.some((t) => t.startsWith('These are UTC: add Z to the 3 times')), `UTC fix on the heading: ${onHeading.join(' | ')}`);
      ok(onHeading.includes('These are Europe/Berlin: convert 3 to UTC and set timezone: Europe/Berlin'), `Berlin fix on the heading: ${onHeading.join(' | ')}`);
      // Ctrl+. on an entry finds the same two fixes.
      const onEntry = await titles(17);
      ok(onEntry.some((t) => t.startsWith('These are UTC: add Z')) && onEntry.some((t) => t.startsWith('These are Europe/Berlin: convert')), `fixes on the entry line: ${onEntry.join(' | ')}`);

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(17, 3, 17, 3));
      const berlin = actions.find((a) => a.title.startsWith('These are Europe/Berlin'));
      ok(berlin?.edit, 'the Berlin fix has an edit');
      ok(await vscode.workspace.applyEdit(berlin.edit), 'the edit applies');
      const fixed = parsePostmortem(doc.getText());
      equal(fixed.meta.timezone, WRITER_ZONE);
      equal(fixed.timeline.map((e) => new Date(e.instant!).toISOString()).join(' '), '2026-11-20T13:09:00.000Z 2026-11-20T13:21:00.000Z 2026-11-20T14:10:00.000Z');
      await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'timeline/utc-or-local' || codeOf(d) === 'timeline/not-utc'), 'the warning to go');
    });

    test('typing pm- in a post-mortem offers the snippets, each with a description; a list bullet offers none', async () => {
      const { document: doc } = await openUntitled('zone-snippets', `${LOCAL_UNDER_UTC}\npm-`);
      const last = doc.lineCount - 1;
      const items = await completionsAt(doc.uri, new vscode.Position(last, 3), '-');
      const labels = items.map(labelOf);
      for (const prefix of ['pm-timeline', 'pm-timeline-utc', 'pm-timeline-local', 'pm-action', 'pm-whys', 'pm-impact', 'pm-fishbone', 'pm-faulttree', 'pm-interview']) {
        const item = items.find((i) => labelOf(i) === prefix);
        ok(item, `${prefix} offered on "-": ${labels.join(', ')}`);
        ok(typeof item.detail === 'string' && item.detail.length > 10, `${prefix} has a description`);
      }
      const utc = items.find((i) => labelOf(i) === 'pm-timeline-utc')!;
      ok(/Same as pm-timeline/.test(String(utc.detail)), `pm-timeline-utc says how it differs: ${String(utc.detail)}`);
      // The `-` of a list bullet must not pop the list up.
      await vscode.window.activeTextEditor!.edit((e) => e.replace(new vscode.Range(last, 0, last, 3), '-'));
      const bullet = await completionsAt(doc.uri, new vscode.Position(last, 1), '-');
      ok(!bullet.some((i) => labelOf(i).startsWith('pm-')), `no pm- items after a bullet: ${bullet.map(labelOf).join(', ')}`);
    });

    test("pm-postmortem in an empty file is the shared template with the writer's zone", async () => {
      const editor = await openUntitled('zone-template', 'pm-');
      const doc = editor.document;
      const items = await completionsAt(doc.uri, new vscode.Position(0, 3), '-');
      const item = items.find((i) => labelOf(i) === 'pm-postmortem');
      ok(item, `pm-postmortem offered: ${items.map(labelOf).join(', ')}`);
      ok(String(item.detail).includes(WRITER_ZONE), String(item.detail));
      const range = item.range as vscode.Range;
      ok(await editor.insertSnippet(item.insertText as vscode.SnippetString, range), 'the snippet inserts');
      const parsed = parsePostmortem(doc.getText());
      equal(parsed.meta.type, 'postmortem');
      equal(parsed.meta.timezone, WRITER_ZONE);
      equal(parsed.actionItems.length, 0, 'no example action item');
    });

    test('Convert to Standard Format reads a file that states no zone in the writer\'s zone, and says so (trial: the editor had no --zone)', async () => {
      const a = await api();
      const original = workspaceUri('imports', 'zone-less-review.md');
      const text = '# Checkout errors\n\n## Timeline\n\n- 2026-11-20 14:09 Pager alert\n- 2026-11-20 14:21 Rolled back\n- 2026-11-20 15:10 Error rate at baseline\n';
      await vscode.workspace.fs.writeFile(original, new TextEncoder().encode(text));
      let target: vscode.Uri | undefined;
      try {
        const outcome = await vscode.commands.executeCommand<ConvertOutcome>('postmortem.convertToStandardFormat', { document: original.toString(), confirm: false });
        ok(outcome, 'the command reports what it wrote');
        target = vscode.Uri.parse(outcome.target);
        equal(outcome.zone, WRITER_ZONE);
        ok(outcome.report.some((l) => /times read in Europe\/Berlin \(your zone: .+; the document states none\)/.test(l)), `the report names the zone it assumed: ${outcome.report.join(' | ')}`);
        const converted = await readDisk(target);
        // 14:09 in Berlin in November is 13:09Z (read as UTC it would stay 14:09Z).
        ok(/^- 2026-11-20 13:09Z Pager alert$/m.test(converted), converted);
        ok(!/convert\/no-zone/.test(vscode.languages.getDiagnostics(original).map((d) => codeOf(d)).join(' ')), 'no "read as UTC" warning: a zone was given');
      } finally {
        await closeAll();
        const gone = target ? waitFor(a.indexer.onDidChange, () => !a.indexer.index.has(target!.toString()), 'the converted file to leave the index') : undefined;
        if (target) await vscode.workspace.fs.delete(target);
        await vscode.workspace.fs.delete(original);
        await gone;
      }
    });

    test('the library and the dashboard date an incident by the same day: 00:30 on New Year\'s Day in Berlin is 2026 in both (trial U16)', async () => {
      const a = await api();
      const uri = workspaceUri('postmortems', 'zone-new-year.md');
      const text = '---\ntype: postmortem\nid: PM-ZONE-NY\ntitle: New Year outage\ntimezone: Europe/Berlin\nstarted_at: 2025-12-31T23:30:00Z\ndetected_at: 2025-12-31T23:35:00Z\nresolved_at: 2026-01-01T00:20:00Z\n---\n\n# New Year outage\n\n## Action items\n\n- [ ] Alert on the cron overlap @eve due:2026-01-10\n';
      const indexed = waitFor(a.indexer.onDidChange, () => a.indexer.index.has(uri.toString()), 'the file in the index');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      await indexed;
      try {
        a.library.setGroupBy('year');
        const p = a.library.provider;
        const group = p.getChildren().find((n) => n.kind === 'group' && n.group.entries.some((e) => e.uri === uri.toString()));
        equal(group?.kind === 'group' ? group.group.label : undefined, '2026', 'the library\'s year');
        const entry = group?.kind === 'group' ? group.group.entries.find((e) => e.uri === uri.toString()) : undefined;
        equal(entry?.date, '2026-01-01');
        const panel = await vscode.commands.executeCommand<MetricsPanel>('postmortem.showMetrics');
        const posted = nextEvent<ToMetricsWebview>(panel.onDidPost, (m) => m.type === 'metrics', 'the metrics to be sent', 30_000);
        // All time, by month, as the page's selects set it.
        await panel.setOptions({ by: 'month', windowMonths: 0 });
        const data = (await posted) as MetricsDataMessage;
        const incident = data.result.incidents.find((i) => i.uri === uri.toString());
        equal(incident?.period, '2026-01', 'the dashboard\'s month (UTC would say 2025-12)');
        await panel.setOptions({ by: 'month', windowMonths: 12 });
        // The Action Items tree says whose "today" decides overdue (trial U11): the writer's.
        const tree = a.actionItems.provider;
        const items = (await Promise.all((await tree.getChildren()).map((g) => tree.getChildren(g)))).flat();
        const row = items.map((n) => tree.getTreeItem(n)).find((t) => String(t.label).startsWith('Alert on the cron overlap'));
        const hover = (row?.tooltip as vscode.MarkdownString | undefined)?.value ?? '';
        ok(/Due: 2026-01-10 \(today is \d{4}-\d\d-\d\d in Europe\/Berlin\)/.test(hover), `the item's hover: ${hover}`);
      } finally {
        a.library.setGroupBy('service');
        const gone = waitFor(a.indexer.onDidChange, () => !a.indexer.index.has(uri.toString()), 'the file gone');
        await vscode.workspace.fs.delete(uri);
        await gone;
      }
    });
  });
}

/** An input box's validation message as text (a plain string, or a message with a severity). */
function messageOf(m: vscode.InputBox['validationMessage']): string {
  return typeof m === 'string' ? m : m?.message ?? '';
}

/** Polls `read` until `done` holds (the box's message is set in the extension host when Enter reaches it). */
async function until<T>(read: () => T, done: (value: T) => boolean, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}; last: ${String(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

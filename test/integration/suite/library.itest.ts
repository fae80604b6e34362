import * as vscode from 'vscode';
import { deepEqual, equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll } from './helpers';

type Api = Awaited<ReturnType<typeof api>>;

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** The library tree as `group label` → row labels, as a user reads it. */
function tree(a: Api): Record<string, string[]> {
  const p = a.library.provider;
  const result: Record<string, string[]> = {};
  for (const group of p.getChildren()) result[labelOf(p.getTreeItem(group))] = p.getChildren(group).map((c) => labelOf(p.getTreeItem(c)));
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
    ok(bySeverity.SEV2.includes(CHECKOUT) && bySeverity.SEV2.includes('Queue backlog after broker failover'), 'sev2 and SEV2 are one group');
    ok(Object.keys(bySeverity).indexOf('SEV2') < Object.keys(bySeverity).indexOf('SEV3'));

    const p = a.library.provider;
    const row = p.getChildren(p.getChildren().find((g) => labelOf(p.getTreeItem(g)) === 'SEV2')!).find((r) => labelOf(p.getTreeItem(r)) === CHECKOUT)!;
    const item = p.getTreeItem(row);
    ok(typeof item.description === 'string' && /^2026-11-20 · SEV2 · .*open item/.test(item.description), `row description: ${String(item.description)}`);
    equal(item.command?.command, 'vscode.open', 'a click opens the file');
    ok(String((item.command?.arguments?.[0] as vscode.Uri).path).endsWith('/postmortems/2026-11-20-checkout-errors.md'));
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

import * as vscode from 'vscode';
import { parsePostmortem } from '../../../src/core/document/parse';
import { builtinTemplateSource } from '../../../src/core/template/builtinSource';
import { deepEqual, equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, codeOf, readDisk, waitForDiagnostics, workspaceUri } from './helpers';
import { choose, questions, typeAndEnter } from './newPostmortemInput';

const LIGHT = `---
template:
  name: Light review
  description: Small incidents, three sections
  severities: [SEV4]
  required_sections: [summary, timeline, action-items]
type: postmortem
id: {{id}}
title: {{title}}
status: draft
severity: {{severity}}
started_at: {{started}}
authors: [{{author}}]
---

# {{title}}

## Summary

What happened, in two sentences.

## Timeline

- {{date}} {{time}}Z (alert) [detected] First signal

## Action items
`;

const SECURITY = `---
template:
  name: Security review
  types: [security]
type: postmortem
id: {{id}}
title: {{title}}
status: draft
---

# {{title}}

## Summary

## Timeline

## Who had access
`;

suite('Templates from the repository (New Post-mortem)', () => {
  const folder = workspaceUri('.postmortem', 'templates');
  const made: vscode.Uri[] = [];
  suiteSetup(async () => {
    await api();
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'light.md'), new TextEncoder().encode(LIGHT));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'security.md'), new TextEncoder().encode(SECURITY));
  });
  teardown(closeAll);
  suiteTeardown(async () => {
    await closeAll();
    for (const uri of made) await vscode.workspace.fs.delete(uri);
    await vscode.workspace.fs.delete(workspaceUri('.postmortem'), { recursive: true });
  });

  test('title, severity SEV4 and a type pick the SEV4 template: its sections, its required list, no template: block; sections/missing follows it', async () => {
    const pm = await api();
    const q = questions(pm);
    try {
      const created = vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.newPostmortem');
      await typeAndEnter(await q.next(), 'Disk full on the log volume');
      await typeAndEnter(await q.next(), '2026-11-20T13:00Z');
      const severity = await q.next();
      const sev4 = (severity as vscode.QuickPick<vscode.QuickPickItem>).items.find((i) => i.label === 'SEV4');
      equal(sev4?.detail, 'Template: Light review', 'the severity list says which template it leads to');
      await choose(severity, 'SEV4', 'SEV4');
      await choose(await q.next(), 'capacity', 'capacity');
      const uri = await created;
      ok(uri, 'a file was created');
      made.push(uri);
      const text = await readDisk(uri);
      const doc = parsePostmortem(text);
      deepEqual([doc.meta.title, doc.meta.started_at, doc.meta.severity, doc.meta.incident_type, doc.meta.authors, doc.meta.required_sections],
        ['Disk full on the log volume', '2026-11-20T13:00:00Z', 'SEV4', 'capacity', ['alice'], ['summary', 'timeline', 'action-items']], text);
      ok(!text.includes('template:') && !text.includes('Light review'), `the template: block is not copied:\n${text}`);
      ok(/^timezone: \S+/m.test(text), `the writer's zone is written:\n${text}`);
      ok(/^- \d{4}-\d\d-\d\d \d\d:\d\dZ \(alert\) \[detected\] First signal$/m.test(text), 'the timeline entry is stamped in UTC');
      deepEqual(doc.sections.filter((s) => s.id).map((s) => s.id), ['summary', 'timeline', 'action-items']);

      // Three sections are all the SEV4 template asks for: once in review, still no sections/missing.
      const editor = await vscode.window.showTextDocument(uri);
      const line = editor.document.getText().split('\n').indexOf('status: draft');
      await editor.edit((e) => e.replace(new vscode.Range(line, 0, line, 'status: draft'.length), 'status: in-review'));
      const ds = await waitForDiagnostics(uri, (x) => x.some((d) => codeOf(d) === 'schema/required'), 'the in-review checks');
      ok(!ds.some((d) => codeOf(d) === 'sections/missing'), `no sections/missing: ${ds.map((d) => `${codeOf(d)} ${d.message}`).join('; ')}`);
      // Without the file's own list, the configured seven apply: impact, root cause, … are asked for.
      await editor.edit((e) => {
        const at = editor.document.getText().split('\n').findIndex((l) => l.startsWith('required_sections:'));
        e.delete(new vscode.Range(at, 0, at + 1, 0));
      });
      await waitForDiagnostics(uri, (x) => x.some((d) => codeOf(d) === 'sections/missing' && d.message.includes('"## Impact"')), 'sections/missing for Impact');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      q.dispose();
    }
  });

  test('two templates suit: both are offered with the built-in; the one chosen is used', async () => {
    const pm = await api();
    const q = questions(pm);
    try {
      const created = vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.newPostmortem', { open: false });
      await typeAndEnter(await q.next(), 'Token in build logs');
      await typeAndEnter(await q.next(), '2026-11-21T08:15Z');
      await choose(await q.next(), 'SEV4', 'SEV4');
      await choose(await q.next(), 'security', 'security');
      const which = await q.next() as vscode.QuickPick<vscode.QuickPickItem>;
      deepEqual(which.items.map((i) => i.label), ['Light review', 'Security review', 'Built-in template']);
      await choose(which, 'Security', 'Security review');
      const uri = await created;
      ok(uri);
      made.push(uri);
      const doc = parsePostmortem(await readDisk(uri));
      deepEqual([doc.meta.severity, doc.meta.incident_type, doc.meta.started_at], ['SEV4', 'security', '2026-11-21T08:15:00Z'], 'the choices are written even where the template has no line for them');
      ok(doc.sections.some((s) => s.title === 'Who had access'), 'the security template was used');
    } finally {
      q.dispose();
    }
  });

  test('Escape at the severity question cancels: nothing is written', async () => {
    const pm = await api();
    const q = questions(pm);
    const before = (await vscode.workspace.fs.readDirectory(workspaceUri('postmortems'))).length;
    try {
      const created = vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.newPostmortem');
      await typeAndEnter(await q.next(), 'Never written');
      // Nothing typed for the start: not known yet (a placeholder), the next question comes.
      await typeAndEnter(await q.next(), '');
      await q.next();
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      equal(await created, undefined);
      equal((await vscode.workspace.fs.readDirectory(workspaceUri('postmortems'))).length, before, 'no new file');
    } finally {
      q.dispose();
    }
  });

  test('Copy Built-in Template writes default.md, and never replaces it unasked', async () => {
    const target = vscode.Uri.joinPath(folder, 'default.md');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.copyBuiltinTemplate', { open: false });
    equal(uri?.toString(), target.toString());
    equal(await readDisk(target), builtinTemplateSource());
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('---\ntemplate:\n  name: Ours\ntitle: {{title}}\n---\n'));
    equal(await vscode.commands.executeCommand('postmortem.copyBuiltinTemplate', { open: false, overwrite: false }), undefined);
    ok((await readDisk(target)).includes('name: Ours'), 'the customised copy is kept');
    await vscode.workspace.fs.delete(target);
  });
});

import * as vscode from 'vscode';
import type { AttachEvidenceOutcome } from '../../../src/vscode/evidence/attachCommand';
import type { ImportTimelineOutcome } from '../../../src/vscode/importing/importTimeline';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, codeOf, nextEvent, ours, readDisk, waitForDiagnostics, workspaceUri } from './helpers';

// Files live in evidence-it/ and are created and removed here, so the other suites' counts stay.
const DIR = 'evidence-it';
const TOKEN = `ghp_${'Pz4K'.repeat(9)}`;
const PM = `---
type: postmortem
id: PM-IT-EVIDENCE
title: Checkout errors with evidence
status: draft
started_at: 2026-11-20T14:00:00Z
detected_at: 2026-11-20T14:06:00Z
resolved_at: 2026-11-20T15:00:00Z
timezone: UTC
---

# Checkout errors with evidence

## Summary

Checkout failed for an hour.

## Timeline

- 2026-11-20 14:00Z [started] (deploy) Pool change deployed
- 14:06Z [detected] (alert) Checkout 5xx above 5%
- 15:00Z [resolved] Error rate back at baseline
`;
// A 1×1 PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

async function write(name: string, data: string | Uint8Array): Promise<vscode.Uri> {
  const uri = workspaceUri(DIR, name);
  await vscode.workspace.fs.writeFile(uri, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

suite('Evidence and redaction', () => {
  suiteSetup(() => api());
  teardown(closeAll);
  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(workspaceUri(DIR), { recursive: true, useTrash: false });
  });

  test('a pasted log excerpt: the token is an error, and the Redact fix replaces it', async () => {
    const uri = await write('pasted.postmortem.md', `${PM}\n## Logs\n\n\`\`\`\n14:03:11 deploy-bot auth ${TOKEN}\n14:03:12 page sent to dana.lee@acme-shop.com\n\`\`\`\n`);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ds = await waitForDiagnostics(uri, (x) => x.some((d) => codeOf(d) === 'redaction/github-token') && x.some((d) => codeOf(d) === 'redaction/email'), 'redaction diagnostics');
    const token = ds.find((d) => codeOf(d) === 'redaction/github-token')!;
    equal(token.severity, vscode.DiagnosticSeverity.Error);
    equal(editor.document.getText(token.range), TOKEN);
    equal(ds.find((d) => codeOf(d) === 'redaction/email')!.severity, vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, token.range, vscode.CodeActionKind.QuickFix.value);
    const redact = actions.find((a) => a.title.startsWith('Redact'));
    ok(redact?.edit, `a Redact fix among ${actions.map((a) => a.title).join(', ')}`);
    ok(redact.isPreferred, 'preferred: safe for Fix All');
    ok(await vscode.workspace.applyEdit(redact.edit));
    ok(editor.document.getText().includes('deploy-bot auth [redacted: github-token]'), editor.document.getText());
    ok(!editor.document.getText().includes(TOKEN));
    await waitForDiagnostics(uri, (x) => !x.some((d) => codeOf(d) === 'redaction/github-token'), 'the token diagnostic to go');
    await editor.document.save();
  });

  test('Attach Evidence with a log: copied into <name>.assets/ with its secrets redacted, linked under ## Evidence and from the timeline entry', async () => {
    const pm = await write('attach.postmortem.md', PM);
    const log = await write('app.log', `2026-11-20T14:03:11Z deploy-bot auth ${TOKEN}\n2026-11-20T14:03:12Z ok for jane.doe@example.com\n`);
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    const entryLine = doc.getText().split('\n').findIndex((l) => l.startsWith('- 14:06Z')) + 1;
    const outcome = await vscode.commands.executeCommand<AttachEvidenceOutcome>('postmortem.attachEvidence', {
      document: pm.toString(), files: [log.toString()], caption: 'Deploy bot log <during> | 5xx', timelineLine: entryLine, confirm: false,
    });
    ok(outcome?.applied, outcome?.message);
    equal(outcome.attached.join(), 'attach.postmortem.assets/app.log');
    equal(outcome.redacted, 1);
    // trial14b F8: Ctrl+Z also deletes the copy; the notification says so.
    ok(outcome.message.startsWith('Attached attach.postmortem.assets/app.log to attach.postmortem.md (Undo removes the links and deletes the copy).'), outcome.message);
    ok(/Redacted 1 github-token in the copy of app\.log/.test(outcome.message), outcome.message);
    // What the allow list kept is said too (trial T24), in the same message the notification shows.
    ok(outcome.message.includes('Kept 1 email in app.log as written (jane.doe@example.com)'), outcome.message);
    // trial13b F13: the capture time is the file's modification time, and the user is told so.
    ok(/The "captured" time is the file's modification time \(app\.log \d{4}-\d\d-\d\d \d\d:\d\dZ\), not necessarily when it was taken/.test(outcome.message), outcome.message);
    const copy = await readDisk(workspaceUri(DIR, 'attach.postmortem.assets', 'app.log'));
    ok(copy.includes('deploy-bot auth [redacted: github-token]') && !copy.includes(TOKEN), copy);
    ok((await readDisk(log)).includes(TOKEN), 'the original log is unchanged');
    const text = doc.getText();
    // trial13b F9: the caption is Markdown text: `<during>` is not an HTML tag on a code host, `|` no table.
    ok(/\n## Evidence\n\n- \[Deploy bot log \\<during\\> \\\| 5xx\]\(attach\.postmortem\.assets\/app\.log\) — captured \d{4}-\d\d-\d\d \d\d:\d\dZ\n$/.test(text), text);
    ok(text.split('\n')[entryLine - 1].endsWith('(evidence: [app.log](attach.postmortem.assets/app.log))'), text.split('\n')[entryLine - 1]);

    // The link resolves; once the copy is deleted, the editor says so.
    const { evidence } = await api();
    const checked = nextEvent(evidence.missing.onDidCheck, (u) => u.toString() === pm.toString(), 'the evidence check');
    await evidence.missing.check(doc);
    await checked;
    ok(!ours(pm).some((d) => codeOf(d) === 'evidence/missing-file'), 'no missing file while it exists');
    await vscode.workspace.fs.delete(workspaceUri(DIR, 'attach.postmortem.assets', 'app.log'));
    await waitForDiagnostics(pm, (x) => x.some((d) => codeOf(d) === 'evidence/missing-file'), 'evidence/missing-file after the delete');
    // An edit that links another missing file: checked with the links the edit's lint read (no call to check()).
    const typed = new vscode.WorkspaceEdit();
    typed.insert(pm, doc.positionAt(doc.getText().length), '- [the trace](attach.postmortem.assets/trace.json)\n');
    ok(await vscode.workspace.applyEdit(typed));
    await waitForDiagnostics(pm, (x) => x.some((d) => codeOf(d) === 'evidence/missing-file' && d.message.includes('trace.json')), 'evidence/missing-file for the link the edit added');
    await doc.save();
  });

  test('Attach Evidence with a UTF-16 log (PowerShell\'s >): scanned as decoded, redacted in a copy that stays UTF-16; a Shift-JIS log refused, nothing attached (trial14a F26)', async () => {
    const pm = await write('utf16.postmortem.md', PM);
    const line = `user aroha.ngata@ferry.co.nz token ${TOKEN}\r\n`;
    const utf16 = (s: string) => Uint8Array.from([0xff, 0xfe, ...Array.from(s).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const log = await write('ps.log', utf16(line));
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    const outcome = await vscode.commands.executeCommand<AttachEvidenceOutcome>('postmortem.attachEvidence', { document: pm.toString(), files: [log.toString()], confirm: false });
    ok(outcome?.applied, outcome?.message);
    ok(outcome.message.includes('Read ps.log as UTF-16LE (by its byte-order mark) to scan it; the copy stays UTF-16LE.'), outcome.message);
    ok(/Redacted 1 email, 1 github-token in the copy of ps\.log/.test(outcome.message), outcome.message);
    const copy = await vscode.workspace.fs.readFile(workspaceUri(DIR, 'utf16.postmortem.assets', 'ps.log'));
    equal(Array.from(copy).join(), Array.from(utf16('user [redacted: email] token [redacted: github-token]\r\n')).join());

    // 。 in Shift-JIS is 0x81 0x42: not UTF-8, and 0x81 is no Windows-1252 character.
    const sjis = await write('sjis.log', Uint8Array.from([0x81, 0x42, ...new TextEncoder().encode(` ${line}`)]));
    const before = doc.getText();
    const refused = await vscode.commands.executeCommand<AttachEvidenceOutcome>('postmortem.attachEvidence', { document: pm.toString(), files: [sjis.toString()], confirm: false });
    ok(refused && !refused.applied, refused?.message);
    ok(refused.message.startsWith('sjis.log was not attached: not valid UTF-8: byte 0x81 at line 1, byte 1 of the line') && refused.message.includes('cannot be scanned for secrets'), refused.message);
    equal(doc.getText(), before);
    await vscode.workspace.fs.stat(workspaceUri(DIR, 'utf16.postmortem.assets', 'sjis.log')).then(() => ok(false, 'sjis.log was copied'), () => undefined);
    await doc.save();
  });

  test('Attach Evidence of a gzipped log: refused as an archive, nothing attached; a text file named fake.png is scanned and redacted (trial15a F11)', async () => {
    const pm = await write('archive.postmortem.md', PM);
    // gzip of `token=ghp_Pz4K… user jane@corp.io\n`, named as a log.
    const gz = await write('app.log', Uint8Array.from(atob('H4sIAAAAAAACAyvJz07Ns03PKIgPqDLxJoQVSotTixSyEvNSHZLziwr0MvO5ADsophFBAAAA'), (c) => c.charCodeAt(0)));
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const refused = await vscode.commands.executeCommand<AttachEvidenceOutcome>('postmortem.attachEvidence', { document: pm.toString(), files: [gz.toString()], confirm: false });
    ok(refused && !refused.applied, refused?.message);
    ok(refused.message.startsWith('app.log was not attached: app.log is an archive (gzip): the files in it cannot be scanned for secrets. Unpack it'), refused.message);
    equal(doc.getText(), before);
    await vscode.workspace.fs.stat(workspaceUri(DIR, 'archive.postmortem.assets', 'app.log')).then(() => ok(false, 'app.log was copied'), () => undefined);

    const fake = await write('fake.png', `token=${TOKEN} user jane@corp.io\n`);
    const outcome = await vscode.commands.executeCommand<AttachEvidenceOutcome>('postmortem.attachEvidence', { document: pm.toString(), files: [fake.toString()], confirm: false });
    ok(outcome?.applied, outcome?.message);
    ok(/Redacted 1 github-token, 1 email in the copy of fake\.png/.test(outcome.message), outcome.message);
    equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(DIR, 'archive.postmortem.assets', 'fake.png'))), 'token=[redacted: github-token] user [redacted: email]\n');
    await doc.save();
  });

  test('Import Timeline of a Shift-JIS CSV: refused, naming the file and the byte, nothing inserted (trial14a F28)', async () => {
    const pm = await write('sjis-import.postmortem.md', PM);
    const csv = await write('sjis.csv', Uint8Array.from([...new TextEncoder().encode('created,message\n2026-11-20T14:03:00Z,'), 0x92, 0x78, 0x89, 0x84, 0x0a]));
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', {
      format: 'csv', input: csv.toString(), document: pm.toString(), timeColumn: 'created', textColumn: 'message', confirm: false,
    });
    ok(outcome && !outcome.applied, outcome?.message);
    ok(/^Cannot read evidence-it\/sjis\.csv: not valid UTF-8: byte 0x92 at line 2, byte 22 of the line .*It reads as Shift-JIS .*\. Nothing was inserted\.$/.test(outcome.message), outcome.message);
    equal(doc.getText(), PM);
  });

  test('dropping an image from the explorer copies it into <name>.assets/ and links it with alt text', async () => {
    const pm = await write('drop.postmortem.md', PM);
    const png = await write('Grafana Checkout.png', PNG);
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    const { evidence } = await api();
    const data = new vscode.DataTransfer();
    data.set('text/uri-list', new vscode.DataTransferItem(png.toString()));
    const source = new vscode.CancellationTokenSource();
    const edit = await evidence.dropPaste.provideDocumentDropEdits(doc, new vscode.Position(14, 0), data, source.token);
    source.dispose();
    ok(edit?.additionalEdit, 'the drop offers an evidence edit');
    ok(edit.title?.includes('drop.postmortem.assets/'), edit.title);
    ok(await vscode.workspace.applyEdit(edit.additionalEdit));
    const copied = workspaceUri(DIR, 'drop.postmortem.assets', 'Grafana-Checkout.png');
    ok(await exists(copied), 'the image was copied');
    equal((await vscode.workspace.fs.readFile(copied)).length, PNG.length);
    ok(/- !\[Grafana Checkout\.png\]\(drop\.postmortem\.assets\/Grafana-Checkout\.png\) — captured /.test(doc.getText()), doc.getText());
    await waitForDiagnostics(pm, (x) => !x.some((d) => codeOf(d) === 'evidence/image-alt' || codeOf(d) === 'evidence/missing-file'), 'no alt-text or missing-file problem');
    await doc.save();
  });

  test('Import Timeline with a planted token: the preview shows it redacted, and so does the document', async () => {
    const pm = await write('import.postmortem.md', PM);
    const csv = await write('alerts.csv', `created,message\n2026-11-20T14:03:00Z,"Deploy bot retried with ${TOKEN}"\n2026-11-20T14:04:00Z,"Checkout p99 above 2 s"\n`);
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', {
      format: 'csv', input: csv.toString(), document: pm.toString(), timeColumn: 'created', textColumn: 'message', confirm: false,
    });
    ok(outcome?.applied, outcome?.message);
    equal(outcome.redacted, 1);
    ok(outcome.preview.includes('+ - 2026-11-20 14:03Z (alert) Deploy bot retried with [redacted: github-token]'), outcome.preview);
    ok(outcome.preview.includes('Redacted 1 secret or personal value in 1 imported event'), outcome.preview);
    ok(!outcome.preview.includes(TOKEN) && !doc.getText().includes(TOKEN), 'the token is nowhere');
    ok(doc.getText().includes('Deploy bot retried with [redacted: github-token]'));
    await doc.save();
  });

  test('Import Timeline across the night the clocks go back: the repeated hour read from the export\'s order and said; a skipped time refused, nothing inserted', async () => {
    const pm = await write('dst.postmortem.md', PM.replace('2026-11-20T14:00:00Z', '2026-11-01T08:00:00Z').replace('2026-11-20T14:06:00Z', '2026-11-01T08:06:00Z')
      .replace('2026-11-20T15:00:00Z', '2026-11-01T10:30:00Z').replace('timezone: UTC', 'timezone: America/Los_Angeles').replace('2026-11-20 14:00Z', '2026-11-01 08:00Z')
      .replace('14:06Z', '08:06Z').replace('15:00Z', '10:30Z'));
    const fold = await write('fold.csv', 'time,message\n2026-11-01 01:20,First-pass alert\n2026-11-01 01:40,Second alert\n2026-11-01 01:10,Alert after fall-back\n');
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', { format: 'csv', input: fold.toString(), document: pm.toString(), confirm: false });
    ok(outcome?.applied, outcome?.message);
    ok(outcome.preview.includes('note: fold.csv row 4: 01:10 on 2026-11-01 happens twice in America/Los_Angeles'), outcome.preview);
    ok(outcome.preview.includes('read as the second (09:10Z)'), outcome.preview);
    const text = doc.getText();
    ok(text.indexOf('08:40Z (alert) Second alert') < text.indexOf('09:10Z (alert) Alert after fall-back'), text);
    const gap = await write('gap.csv', 'time,message\n2026-03-08 01:55,Before the jump\n2026-03-08 02:30,Never happened\n');
    const before = doc.getText();
    const refused = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', { format: 'csv', input: gap.toString(), document: pm.toString(), confirm: false });
    equal(refused?.applied, false);
    ok(refused.message.includes('gap.csv row 3: 02:30 on 2026-03-08 does not exist in America/Los_Angeles') && refused.message.includes('Nothing was inserted'), refused.message);
    equal(doc.getText(), before);
    await doc.save();
  });
  test('Import Timeline into a post-mortem with timezone: +05:30 (as convert writes it): zone-less CSV times read at that offset, and the summary says so', async () => {
    const pm = await write('offset.postmortem.md', PM.replace('timezone: UTC', 'timezone: "+05:30"'));
    const csv = await write('offset.csv', 'created,message\n2026-11-20 19:33,Checkout p99 above 2 s\n');
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', { format: 'csv', input: csv.toString(), document: pm.toString(), confirm: false });
    ok(outcome?.applied, outcome?.message);
    ok(outcome.summary?.includes("Times without a zone were read in +05:30 (the front matter's timezone: +05:30, a fixed offset)."), outcome.summary);
    ok(doc.getText().includes('- 2026-11-20 14:03Z (alert) Checkout p99 above 2 s'), doc.getText());
    await doc.save();
  });

  test('Import Timeline of a spreadsheet CSV (Date and Time columns, 11/20/2026, 2:05 PM) is read; 10/11/2026 in the date order given, and the summary says it', async () => {
    const pm = await write('sheet.postmortem.md', PM);
    const csv = await write('sheet.csv', 'Date,Time,Alert\n11/20/2026,2:05 PM,Checkout 5xx above 5%\n11/20/2026,2:40 PM,Checkout 5xx back to normal\n');
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', { format: 'csv', input: csv.toString(), document: pm.toString(), confirm: false });
    ok(outcome?.applied, outcome?.message);
    ok(outcome.summary?.includes('sheet.csv: text from the "Alert" column (found by its name), time from "Date" and "Time"'), outcome.summary);
    ok(doc.getText().includes('- 2026-11-20 14:05Z (alert) Checkout 5xx above 5%'), doc.getText());
    ok(doc.getText().includes('- 2026-11-20 14:40Z (alert) Checkout 5xx back to normal'), doc.getText());
    await doc.save();
    // 10/11/2026 could be 11 October or 10 November: the order given (what the Quick Pick answers) reads it.
    const pm2 = await write('sheet2.postmortem.md', PM.replace(/2026-11-20/g, '2026-11-10').replace('PM-IT-EVIDENCE', 'PM-IT-EVIDENCE-2'));
    const ambiguous = await write('sheet2.csv', 'Date,Time,Alert\n10/11/2026,14:30,Failover done\n');
    const doc2 = await vscode.workspace.openTextDocument(pm2);
    const second = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', { format: 'csv', input: ambiguous.toString(), document: pm2.toString(), confirm: false, dateOrder: 'day-first' });
    ok(second?.applied, second?.message);
    ok(second.summary?.includes('dates in "Date" read day first, as asked (10/11/2026 as 10 November 2026)'), second.summary);
    ok(doc2.getText().includes('- 2026-11-10 14:30Z (alert) Failover done'), doc2.getText());
    await doc2.save();
  });

  test('Import Timeline of a Slack bot message with text and blocks: read from its blocks, as Slack shows it, and said', async () => {
    const pm = await write('slack.postmortem.md', PM);
    const day = await write('2026-11-20.json', JSON.stringify([{
      type: 'message', subtype: 'bot_message', bot_id: 'B7', username: 'Grafana', ts: String(Date.parse('2026-11-20T14:04:00Z') / 1000), text: '[FIRING:1] HighLatency',
      blocks: [{ type: 'header', text: { type: 'plain_text', text: '[FIRING:1] HighLatency checkout' } }, { type: 'section', text: { type: 'mrkdwn', text: 'p99 is *2.4 s* on checkout' } }],
    }]));
    const doc = await vscode.workspace.openTextDocument(pm);
    await vscode.window.showTextDocument(doc);
    const outcome = await vscode.commands.executeCommand<ImportTimelineOutcome>('postmortem.importTimeline', { format: 'slack', input: day.toString(), document: pm.toString(), confirm: false });
    ok(outcome?.applied, outcome?.message);
    ok(doc.getText().includes('- 2026-11-20 14:04Z (chat) Grafana: [FIRING:1] HighLatency checkout — p99 is *2.4 s* on checkout'), doc.getText());
    ok(outcome.summary?.includes('read 1 bot message from its blocks, as Slack shows it; its text is only the notification fallback and was not imported (2026-11-20.json message 1)'), outcome.summary);
    await doc.save();
  });
});

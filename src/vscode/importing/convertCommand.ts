import * as vscode from 'vscode';
import { lossyReading } from '../editing/writeGuard';
import { convertPostmortem } from '../../core/import/convert';
import { formatConvertReport } from '../../core/import/convert/report';
import { toDiagnostic } from '../convert';
import { baseName } from '../recognise';

export interface ConvertArgs {
  /** Uri (string) of the file to convert; default: the active editor's Markdown document. */
  readonly document?: string;
  /** false: write without showing the report first (scripts, tests). Default: ask. */
  readonly confirm?: boolean;
}

export interface ConvertOutcome {
  readonly target: string;
  readonly diagnostics: number;
  /** What was read and what was not, as shown to the user before writing. */
  readonly report: readonly string[];
  /** false when something timeline-like was left as text or a date was guessed. */
  readonly complete: boolean;
}

/** `incident.md` → `incident.postmortem.md`; an existing name gets `-2`, `-3`… (nothing is overwritten). */
async function freeTargetUri(source: vscode.Uri): Promise<vscode.Uri> {
  const name = baseName(source);
  const base = name.replace(/(\.postmortem)?\.(md|markdown)$/i, '');
  for (let n = 1; n < 1000; n++) {
    const candidate = vscode.Uri.joinPath(source, '..', `${base}${n === 1 ? '' : `-${n}`}.postmortem.md`);
    if (candidate.toString() === source.toString()) continue;
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
  throw new Error(`No free name for the converted copy of ${name}`);
}

/**
 * "Post-mortem: Convert to Standard Format": shows what was read and what was not (the same report
 * as the CLI), then, when the user agrees, writes the converted text to a NEW file next to the
 * original and opens it. What the converter could not decide (ambiguous dates, times crossing
 * midnight, zone guesses) shows as diagnostics on the original, where the source lines are.
 */
export class ConvertCommand implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('postmortem-convert');
  private readonly listener = vscode.workspace.onDidChangeTextDocument((e) => {
    // The ranges point into the text as converted: once it changes they would point at the wrong lines.
    if (e.contentChanges.length) this.collection.delete(e.document.uri);
  });

  async run(args: ConvertArgs = {}): Promise<ConvertOutcome | undefined> {
    const doc = args.document ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.document)) : vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') {
      void vscode.window.showWarningMessage('Open the Markdown post-mortem to convert, then run Convert to Standard Format again.');
      return undefined;
    }
    const name = baseName(doc.uri);
    // A file VS Code read with U+FFFD for its accents (Windows-1252 read as UTF-8) would be converted into a copy holding U+FFFD.
    const lossy = await lossyReading(doc);
    if (lossy) {
      void vscode.window.showWarningMessage(`Not converted: ${lossy}`);
      return undefined;
    }
    const result = convertPostmortem(doc.getText(), { fileName: name });
    const report = formatConvertReport(name, result);
    // The report comes before the write: the user decides on what was read and what was not.
    if (args.confirm !== false) {
      const write = result.report.complete ? 'Write Converted File' : 'Write Anyway';
      const choice = await vscode.window.showInformationMessage(
        result.report.complete ? `Convert ${name}: everything timeline-like was read.` : `Convert ${name}: some of it was not read or was guessed.`,
        { modal: true, detail: report.join('\n') },
        write,
      );
      if (choice !== write) return undefined;
    }
    const target = await freeTargetUri(doc.uri);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    this.collection.set(doc.uri, result.diagnostics.map((d) => {
      const diagnostic = toDiagnostic(d, doc.uri);
      diagnostic.source = 'postmortem convert';
      return diagnostic;
    }));
    await vscode.window.showTextDocument(target, { preview: false });
    const targetName = baseName(target);
    const n = result.diagnostics.length;
    if (n) {
      void vscode.window.showWarningMessage(`Wrote ${targetName}. ${n} thing${n === 1 ? '' : 's'} in ${name} could not be decided for sure (see Problems); check them in the new file.`, 'Show Problems')
        .then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
    } else {
      void vscode.window.showInformationMessage(`Wrote ${targetName}; the original ${name} is unchanged.`);
    }
    return { target: target.toString(), diagnostics: n, report, complete: result.report.complete };
  }

  dispose(): void {
    this.collection.dispose();
    this.listener.dispose();
  }
}

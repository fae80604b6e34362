import * as vscode from 'vscode';
import { convertPostmortem } from '../../core/import/convert';
import { toDiagnostic } from '../convert';
import { baseName } from '../recognise';

export interface ConvertArgs {
  /** Uri (string) of the file to convert; default: the active editor's Markdown document. */
  readonly document?: string;
}

export interface ConvertOutcome {
  readonly target: string;
  readonly diagnostics: number;
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
 * "Post-mortem: Convert to Standard Format": writes the converted text to a NEW file next to the
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
    const result = convertPostmortem(doc.getText(), { fileName: name });
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
    return { target: target.toString(), diagnostics: n };
  }

  dispose(): void {
    this.collection.dispose();
    this.listener.dispose();
  }
}

import * as vscode from 'vscode';
import type { ConfigStore } from '../config/configStore';
import { ATTACH_EVIDENCE_COMMAND, attachEvidence, type AttachEvidenceArgs } from './attachCommand';
import { EvidenceDropPasteProvider } from './dropPaste';
import { MissingEvidenceDiagnostics, type EvidenceLinks } from './missingEvidence';

const SEVERITY: Readonly<Record<string, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint,
};

/** Evidence: the Attach Evidence command, paste/drop into post-mortems, and missing-file diagnostics. */
export function registerEvidence(context: vscode.ExtensionContext, config: ConfigStore, isPostmortem: (doc: vscode.TextDocument) => boolean, links: EvidenceLinks): { dropPaste: EvidenceDropPasteProvider; missing: MissingEvidenceDiagnostics } {
  const markdown: vscode.DocumentSelector = [{ language: 'markdown' }];
  const dropPaste = new EvidenceDropPasteProvider(config, isPostmortem);
  const missing = new MissingEvidenceDiagnostics(isPostmortem, (uri) => {
    const setting = config.configFor(uri).rules['evidence/missing-file'];
    return setting === 'off' ? undefined : SEVERITY[setting ?? 'warning'];
  }, links);
  context.subscriptions.push(
    missing,
    vscode.commands.registerCommand(ATTACH_EVIDENCE_COMMAND, (args?: AttachEvidenceArgs) => attachEvidence(config, args)),
    vscode.languages.registerDocumentDropEditProvider(markdown, dropPaste, EvidenceDropPasteProvider.dropMetadata),
    vscode.languages.registerDocumentPasteEditProvider(markdown, dropPaste, EvidenceDropPasteProvider.pasteMetadata),
  );
  return { dropPaste, missing };
}

import * as vscode from 'vscode';
import type { ConfigStore } from '../config/configStore';
import type { Diagnostic } from '../../core/types';
import { DIAGNOSTIC_SOURCE, toDiagnostic, toTextEdit } from '../convert';
import type { FixStore } from '../diagnostics/fixStore';
import { CHOICE_FIX_COMMAND, type ChoiceFixArgs } from './choiceFix';
import { impactSyncActions } from './impactSync';
import { fixAllEdit, type RunFixAll } from './fixAllEdit';
import { FixNotes } from './fixNotes';
import { log } from '../log';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('postmortem');

/**
 * Quick fixes straight from the core's fix data (looked up, not recomputed), plus "Fix all" both as
 * a quick fix and as the `source.fixAll.postmortem` action that `editor.codeActionsOnSave` runs.
 */
export class PostmortemCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite, FIX_ALL_KIND],
  };

  constructor(
    private readonly fixes: FixStore,
    private readonly config: ConfigStore,
    private readonly runFixAll: RunFixAll,
    /** Lints the document now (used when the stored fixes belong to an older version). */
    private readonly lintNow: (doc: vscode.TextDocument) => Promise<unknown>,
    /** Why no edit may go into the document (ByteRefusals.refusal); undefined when edits are safe. */
    private readonly refusal: (doc: vscode.TextDocument) => Promise<string | undefined> = () => Promise.resolve(undefined),
  ) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] | Promise<vscode.CodeAction[]> {
    const actions = this.provide(doc, range, context, false);
    return Array.isArray(actions) && actions.length === 0 ? actions : this.unlessRefused(doc, actions);
  }

  /**
   * No edit of ours goes into a document whose file a save would rewrite beyond the edit (not valid
   * UTF-8, lone CRs, mixed line endings): its diagnostic on line 1 says so (byteRefusals.ts).
   */
  private async unlessRefused(doc: vscode.TextDocument, actions: vscode.CodeAction[] | Promise<vscode.CodeAction[]>): Promise<vscode.CodeAction[]> {
    const [why, offered] = await Promise.all([this.refusal(doc), actions]);
    return why ? [] : offered;
  }

  private provide(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, linted: boolean): vscode.CodeAction[] | Promise<vscode.CodeAction[]> {
    const only = context.only;
    // The source action costs a re-lint per pass, so it is computed only when asked for by kind
    // (Source Action menu, `editor.codeActionsOnSave`), never for the light bulb.
    if (only?.contains(FIX_ALL_KIND)) return this.refusal(doc).then((why) => (why ? refusedFixAll(doc, why) : this.fixAll(doc)));
    // Only in files linted as post-mortems (the fix store has them).
    const rewrites = (!only || only.contains(vscode.CodeActionKind.RefactorRewrite)) && this.fixes.diagnostics(doc)
      ? impactSyncActions(doc, range, this.config.configFor(doc.uri).sectionAliases) : [];
    if (only && !only.contains(vscode.CodeActionKind.QuickFix)) return rewrites;
    // Within the debounce after an edit the stored fixes are for the previous version: when the
    // request is about one of our diagnostics, lint now rather than offer nothing (the fixes'
    // ranges must match the text they edit). Requests elsewhere (typing) keep the debounce.
    if (!linted && !this.fixes.diagnostics(doc) && context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE)) {
      return this.lintNow(doc).then(() => this.provide(doc, range, context, true));
    }
    const quickFixes = this.quickFixes(doc, range, context);
    // On the `impact:` line the schema's quick fix may already be the same edit.
    return [...quickFixes, ...rewrites.filter((r) => !quickFixes.some((q) => q.title === r.title))];
  }

  private quickFixes(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    // A diagnostic on the Timeline heading that speaks for many entries offers its fixes on their lines too.
    const summaries = offeredAt(this.fixes.diagnostics(doc), range, ours).map((d) => shown(doc, d));
    if (ours.length === 0 && summaries.length === 0) return [];
    const actions: vscode.CodeAction[] = [];
    // A fix two diagnostics share ("Insert all 2 missing sections" on each missing section) is offered once, for both.
    const offered = new Map<string, vscode.CodeAction>();
    let fixable = 0;
    for (const diagnostic of [...ours, ...summaries]) {
      for (const fix of this.fixes.fixesFor(doc, diagnostic)) {
        const key = JSON.stringify([fix.title, fix.edits, fix.input ?? null]);
        const same = offered.get(key);
        if (same) {
          same.diagnostics = [...(same.diagnostics ?? []), diagnostic];
          continue;
        }
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        if (fix.input) {
          // A fix that needs a value (an owner, a date): a command asks for it, then edits.
          const args: ChoiceFixArgs = { uri: doc.uri.toString(), version: doc.version, fix };
          action.command = { command: CHOICE_FIX_COMMAND, title: fix.title, arguments: [args] };
        } else {
          action.edit = new vscode.WorkspaceEdit();
          action.edit.set(doc.uri, fix.edits.map(toTextEdit));
        }
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred === true;
        offered.set(key, action);
        actions.push(action);
      }
    }
    const all = this.fixes.diagnostics(doc) ?? [];
    for (const d of all) if (d.fixes?.some((f) => f.isPreferred)) fixable++;
    if (actions.length > 0 && fixable > 1) {
      // A command, not an edit: fixAll re-lints per pass, so it runs only when chosen.
      const action = new vscode.CodeAction('Fix all auto-fixable post-mortem problems', vscode.CodeActionKind.QuickFix);
      action.command = { command: 'postmortem.fixAll', title: 'Fix all', arguments: [doc.uri] };
      actions.push(action);
    }
    return actions;
  }

  private async fixAll(doc: vscode.TextDocument): Promise<vscode.CodeAction[]> {
    const result = await fixAllEdit(doc, this.runFixAll);
    if ('none' in result) return [];
    const action = new vscode.CodeAction(`Fix ${result.count} post-mortem problem(s)`, FIX_ALL_KIND);
    action.edit = result.edit;
    // Applied on save or from the Source Action menu: what it assumed is said once the edit is in.
    const say = FixNotes.commandFor(doc.uri, result.notes);
    if (say) action.command = say;
    return [action];
  }
}

/** Fix-on-save (or the Source Action) on a refused document: no edit, and the log says why (the diagnostic on line 1 says it in the editor). */
function refusedFixAll(doc: vscode.TextDocument, why: string): vscode.CodeAction[] {
  log().info(`Fix all skipped for ${vscode.workspace.asRelativePath(doc.uri)}: ${why}`);
  return [];
}

/** Core diagnostics whose fixes are also offered in `range` (Diagnostic.fixesAlsoAt), except those already under it. */
function offeredAt(all: readonly Diagnostic[] | undefined, range: vscode.Range, under: readonly vscode.Diagnostic[]): Diagnostic[] {
  if (!all) return [];
  return all.filter((d) => d.fixesAlsoAt?.some((r) => r.start.line <= range.end.line && r.end.line >= range.start.line)
    && !under.some((u) => u.range.start.line === d.range.start.line && u.range.start.character === d.range.start.character && String(typeof u.code === 'object' ? u.code.value : u.code) === d.code && u.message === d.message));
}

/** The diagnostic as shown in the editor (so the action names it), else as it would be shown. */
function shown(doc: vscode.TextDocument, d: Diagnostic): vscode.Diagnostic {
  const same = (v: vscode.Diagnostic) => v.source === DIAGNOSTIC_SOURCE && String(typeof v.code === 'object' ? v.code.value : v.code) === d.code && v.message === d.message
    && v.range.start.line === d.range.start.line && v.range.start.character === d.range.start.character
    && v.range.end.line === d.range.end.line && v.range.end.character === d.range.end.character;
  return vscode.languages.getDiagnostics(doc.uri).find(same) ?? toDiagnostic(d, doc.uri);
}

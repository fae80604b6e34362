import * as vscode from 'vscode';
import { checkWrite, refused } from '../editing/writeGuard';
import { addDays } from '../../core/rules/actions/itemEdits';
import { applyFixInput, checkFixInput, pastDueNote } from '../../core/rules/actions/fixInput';
import type { Fix } from '../../core/types';
import { editorSettings } from '../config/settings';
import { toTextEdit } from '../convert';
import { editorToday } from './fixFacts';

export const CHOICE_FIX_COMMAND = 'postmortem.applyFixWithChoice';

/** What a choice fix's code action passes to its command: the fix and the version it was made for. */
export interface ChoiceFixArgs {
  readonly uri: string;
  readonly version: number;
  readonly fix: Fix;
}

const OTHER = '$(edit) Other…';

/** The pick list's label detail for a date: how far from today, so "2026-12-11" reads as "in 14 days". */
function dateDetail(date: string, today: string): string {
  for (const [days, label] of [[7, 'in a week'], [14, 'in 2 weeks'], [30, 'in 30 days']] as const) if (addDays(today, days) === date) return label;
  const n = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return n >= 0 ? `in ${n} days` : `${-n} days ago`;
}

/** One pick from `items` (undefined when dismissed), telling `shown` once the list is on screen. */
function pickOne(items: vscode.QuickPickItem[], title: string, placeholder: string, shown: (pick: vscode.QuickPick<vscode.QuickPickItem>) => void): Promise<vscode.QuickPickItem | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick();
    pick.items = items;
    pick.title = title;
    pick.placeholder = placeholder;
    let chosen: vscode.QuickPickItem | undefined;
    const listeners = [
      pick.onDidAccept(() => {
        chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        pick.hide();
      }),
      pick.onDidHide(() => {
        for (const l of listeners) l.dispose();
        pick.dispose();
        resolve(chosen);
      }),
    ];
    pick.show();
    shown(pick);
  });
}

/**
 * The command behind fixes that need a value: asks for it — a pick list of the fix's choices plus
 * "Other…" (an input box that checks the value as it is typed) — and applies the fix with it.
 * Nothing is written when the person cancels, or when the document changed since the fix was
 * computed (its ranges would point elsewhere).
 */
export class ChoiceFixCommand implements vscode.Disposable {
  private readonly shownEmitter = new vscode.EventEmitter<vscode.QuickPick<vscode.QuickPickItem>>();
  /** Fires with the pick list once it is on screen (tests answer it). */
  readonly onDidShowChoices = this.shownEmitter.event;

  async run(args: ChoiceFixArgs): Promise<boolean> {
    const input = args.fix.input;
    if (!input) return false;
    const uri = vscode.Uri.parse(args.uri);
    const title = args.fix.title.replace(/…$/, '');
    const me = editorSettings(uri).userName;
    const items: vscode.QuickPickItem[] = input.choices.map((c) => ({
      label: input.kind === 'owner' ? `@${c}` : c,
      description: input.kind === 'date' ? dateDetail(c, editorToday()) : c === me ? 'you (postmortem.userName)' : undefined,
    }));
    items.push({ label: OTHER, description: input.kind === 'owner' ? 'type a handle' : 'type a date (YYYY-MM-DD)' });
    const picked = input.choices.length ? await pickOne(items, title, input.prompt, (pick) => this.shownEmitter.fire(pick)) : { label: OTHER };
    if (!picked) return false;
    let value: string | undefined;
    if (picked.label === OTHER) {
      value = await vscode.window.showInputBox({
        title,
        prompt: input.prompt,
        value: input.kind === 'date' ? input.choices[0] ?? editorToday() : '',
        validateInput: (v) => {
          const r = checkFixInput(input.kind, v);
          if ('problem' in r) return r.problem;
          // A past date is allowed, with a word: the item would be overdue at once (trial14b F8).
          const past = input.kind === 'date' ? pastDueNote(r.value, editorToday()) : undefined;
          return past ? { message: past, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
        },
      });
    } else {
      value = input.kind === 'owner' ? picked.label.replace(/^@/, '') : picked.label;
    }
    if (value === undefined) return false;
    const applied = applyFixInput(args.fix, value);
    if ('problem' in applied) {
      void vscode.window.showErrorMessage(applied.problem);
      return false;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.version !== args.version) {
      void vscode.window.showWarningMessage('The post-mortem changed while you were choosing, so nothing was written. Use the quick fix again.');
      return false;
    }
    const check = await checkWrite(doc, applied.fix.edits.map((e) => e.newText));
    if (!check.ok) return refused(check.message);
    if (doc.version !== args.version) return false;
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, applied.fix.edits.map(toTextEdit));
    return vscode.workspace.applyEdit(edit);
  }

  dispose(): void {
    this.shownEmitter.dispose();
  }
}

import * as vscode from 'vscode';
import { nextEvent } from './helpers';

/*
 * Answering New Post-mortem's questions as a person does: each box or list as it comes on screen,
 * typed into, Enter pressed.
 */

/** Each question New Post-mortem puts on screen, in order, as a person would meet them. */
export function questions(pm: { onDidShowNewPostmortemInput: vscode.Event<vscode.QuickInput> }): { next(): Promise<vscode.QuickInput>; dispose(): void } {
  const seen: vscode.QuickInput[] = [];
  const waiting: ((i: vscode.QuickInput) => void)[] = [];
  const sub = pm.onDidShowNewPostmortemInput((i) => {
    const w = waiting.shift();
    if (w) w(i);
    else seen.push(i);
  });
  return {
    next: () => {
      const i = seen.shift();
      return i ? Promise.resolve(i) : new Promise((resolve) => waiting.push(resolve));
    },
    dispose: () => sub.dispose(),
  };
}

/** Types `text` into the input box and presses Enter. */
export async function typeAndEnter(input: vscode.QuickInput, text: string): Promise<void> {
  (input as vscode.InputBox).value = text;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Filters the pick list by typing `text`, waits until `label` is the first active item, presses Enter. */
export async function choose(input: vscode.QuickInput, text: string, label: string): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  const pick = input as vscode.QuickPick<vscode.QuickPickItem>;
  const active = pick.activeItems[0]?.label === label && pick.value === text
    ? Promise.resolve()
    : nextEvent(pick.onDidChangeActive, (a) => a[0]?.label === label, `"${label}" active after typing "${text}"`);
  pick.value = text;
  await active;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return pick;
}

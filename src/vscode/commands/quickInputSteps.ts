import * as vscode from 'vscode';

/** Where each step's quick input is announced once on screen (tests answer it as a person would). */
export type ShownInput = (input: vscode.QuickInput) => void;

export interface PickItem<T> extends vscode.QuickPickItem {
  readonly value: T;
}

interface Step {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

/**
 * A line of text from an input box; undefined when the person presses Escape. `echo` says, below
 * the box as an information message while the text is valid, how it will be read ("2026-12-06 23:50
 * Asia/Tokyo = 2026-12-06T14:50:00Z"): what will be written is seen before it is (trial12 T15).
 */
export function askText(step: Step & { prompt: string; placeholder: string; validate: (value: string) => string | undefined; echo?: (value: string) => string | undefined }, shown: ShownInput): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    Object.assign(box, { title: step.title, step: step.step, totalSteps: step.totalSteps, prompt: step.prompt, placeholder: step.placeholder, ignoreFocusOut: true });
    let result: string | undefined;
    const listeners = [
      box.onDidChangeValue((v) => {
        const problem = v ? step.validate(v) : undefined;
        const echo = problem === undefined && step.echo ? step.echo(v) : undefined;
        box.validationMessage = problem ?? (echo ? { message: echo, severity: vscode.InputBoxValidationSeverity.Info } : undefined);
      }),
      box.onDidAccept(() => {
        const problem = step.validate(box.value);
        if (problem) {
          box.validationMessage = problem;
          return;
        }
        result = box.value;
        box.hide();
      }),
      box.onDidHide(() => {
        for (const l of listeners) l.dispose();
        box.dispose();
        resolve(result);
      }),
    ];
    box.show();
    shown(box);
  });
}

/**
 * One item from a pick list; undefined when the person presses Escape. With `typed`, text that
 * matches no item is offered as an extra item (a type of incident the list does not know).
 */
export function askPick<T>(step: Step & { placeholder: string; items: readonly PickItem<T>[]; typed?: (text: string) => PickItem<T> | undefined }, shown: ShownInput): Promise<PickItem<T> | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<PickItem<T>>();
    Object.assign(pick, { title: step.title, step: step.step, totalSteps: step.totalSteps, placeholder: step.placeholder, ignoreFocusOut: true, matchOnDescription: true });
    pick.items = step.items;
    let result: PickItem<T> | undefined;
    const listeners = [
      pick.onDidChangeValue((text) => {
        if (!step.typed) return;
        const extra = text.trim() ? step.typed(text.trim()) : undefined;
        const known = extra && step.items.some((i) => i.label.toLowerCase() === extra.label.toLowerCase());
        pick.items = extra && !known ? [...step.items, extra] : step.items;
      }),
      pick.onDidAccept(() => {
        result = pick.selectedItems[0] ?? pick.activeItems[0];
        if (result) pick.hide();
      }),
      pick.onDidHide(() => {
        for (const l of listeners) l.dispose();
        pick.dispose();
        resolve(result);
      }),
    ];
    pick.show();
    shown(pick);
  });
}

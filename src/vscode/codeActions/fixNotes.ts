import * as vscode from 'vscode';
import { log } from '../log';
import { baseName } from '../recognise';

/** The command a fix-all code action runs after its edit is applied, to say its notes. */
export const SAY_FIX_NOTES = 'postmortem.sayFixNotes';

/**
 * What Fix All assumed, said once it is applied: the notes `lint --fix` prints ("note
 * timeline/not-utc: converted assuming 00:20 on line 38 is the next day…"). Without them the
 * editor applied the next-day reading silently while the CLI said it (trial12 T8). Shown as a
 * notification and written to the Post-mortem output; `onDidSay` tells the tests.
 */
export class FixNotes implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<{ readonly uri: string; readonly message: string }>();
  readonly onDidSay = this.emitter.event;
  private readonly command = vscode.commands.registerCommand(SAY_FIX_NOTES, (uri: string, notes: readonly string[]) => this.say(vscode.Uri.parse(uri), notes));

  say(uri: vscode.Uri, notes: readonly string[]): void {
    if (!notes.length) return;
    const file = vscode.workspace.asRelativePath(uri);
    for (const note of notes) log().info(`Fix all in ${file}: note ${note}`);
    const message = `Fix All in ${baseName(uri)}: ${notes.join(' Also: ')}`;
    void vscode.window.showInformationMessage(message);
    this.emitter.fire({ uri: uri.toString(), message });
  }

  /** The follow-up a code action carries so its notes are said once VS Code applied its edit. */
  static commandFor(uri: vscode.Uri, notes: readonly string[]): vscode.Command | undefined {
    return notes.length ? { command: SAY_FIX_NOTES, title: 'Say what Fix All assumed', arguments: [uri.toString(), notes] } : undefined;
  }

  dispose(): void {
    this.command.dispose();
    this.emitter.dispose();
  }
}

import * as vscode from 'vscode';
import { lossyReading } from '../editing/writeGuard';
import { createNewFile, showCreateRefusal } from '../editing/createNewFile';
import { convertPostmortem } from '../../core/import/convert';
import { isInStandardFormat } from '../../core/api';
import { formatConvertReport, reviewCount, thingsToReview } from '../../core/import/convert/report';
import { toDiagnostic } from '../convert';
import { baseName } from '../recognise';
import { editorWriterZone } from '../timeline/writerZone';
import { typedZone, zoneNameProblem } from './zoneChoices';
import type { ConfigStore } from '../config/configStore';

export interface ConvertArgs {
  /** Uri (string) of the file to convert; default: the active editor's Markdown document. */
  readonly document?: string;
  /** false: write without showing the report first (scripts, tests). Default: ask. */
  readonly confirm?: boolean;
  /**
   * The zone of times the file does not state (as the CLI's --zone). Default: the writer's zone
   * (`postmortem.zone`, else the machine's), offered with UTC and "another zone" when asking.
   */
  readonly zone?: string;
}

export interface ConvertOutcome {
  readonly target: string;
  readonly diagnostics: number;
  /** What was read and what was not, as shown to the user before writing. */
  readonly report: readonly string[];
  /** false when something timeline-like was left as text or a date was guessed. */
  readonly complete: boolean;
  /** The zone times without one were read in, and where it came from (report line). */
  readonly zone: string;
  /**
   * Set when nothing was written: `target` was free when chosen but taken before the file was
   * created (or the create failed); the message the user was shown. Never overwritten.
   */
  readonly refused?: string;
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

interface ZoneChoice {
  readonly zone: string;
  /** Said in the report: "times read in Europe/Berlin (your zone: the postmortem.zone setting; …)". */
  readonly from: string;
}

/** The writer's zone, without asking (scripts, tests). */
function writerChoice(): ZoneChoice {
  const writer = editorWriterZone();
  return { zone: writer.zone, from: `your zone: ${writer.source}` };
}

/** Asks which zone the file's zone-less times are in: the writer's first, UTC, or one typed in. */
async function askZone(name: string): Promise<ZoneChoice | undefined> {
  const writer = writerChoice();
  const other = 'Another zone…';
  const items: vscode.QuickPickItem[] = [
    { label: writer.zone, description: writer.from.replace(/^your zone: /, 'your zone, from ') },
    ...(writer.zone === 'UTC' ? [] : [{ label: 'UTC', description: 'the times are UTC already' }]),
    { label: other, description: 'an IANA zone (Europe/Berlin) or an offset (+05:30)' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `${name} states no time zone`, placeHolder: 'Which zone are its times written in? They are converted to UTC from it.', ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.label === writer.zone) return writer;
  if (picked.label === 'UTC') return { zone: 'UTC', from: 'chosen when asked' };
  const typed = await vscode.window.showInputBox({
    title: `Time zone of ${name}`,
    prompt: 'An IANA zone (like Europe/Berlin) or an offset (like +05:30)',
    ignoreFocusOut: true,
    validateInput: zoneNameProblem,
  });
  const zone = typed === undefined ? undefined : typedZone(typed);
  return zone ? { zone, from: 'chosen when asked' } : undefined;
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

  /** `config`: the file's settings (its `.postmortemrc.json` chain): the team's severity scale. */
  constructor(private readonly config?: ConfigStore) {}

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
    const text = doc.getText();
    // Converted again, a file in this format had its entries rewritten and its notes nested (trial18a F10).
    if (isInStandardFormat(text)) {
      void vscode.window.showInformationMessage(`${name} is already in the standard format (its front matter says type: postmortem): nothing to convert. The Problems view shows what lint finds in it.`);
      return undefined;
    }
    // The writer's zone settles what IST/CST/BST in the original mean (Asia/Kolkata: India's).
    const writer = editorWriterZone();
    // The team's scale for severity words (`severityScale` in .postmortemrc.json), as the CLI reads it.
    const scale = this.config ? (await this.config.ensureFor(doc.uri)).severityScale : {};
    const words = Object.keys(scale);
    const yours = {
      writerZone: writer.zone, writerZoneFrom: `your zone (${writer.source})`,
      ...(words.length ? { severityScale: scale, severityScaleFrom: Object.fromEntries(words.map((w) => [w, 'severityScale in .postmortemrc.json'])) } : {}),
    };
    let result = convertPostmortem(text, { fileName: name, ...yours });
    // The file states no zone and has times without one: they are read in a zone that is said —
    // the one given, else the writer's (asked, with UTC and any other zone as choices) — never
    // silently UTC (trial: the editor had no --zone).
    if (result.diagnostics.some((d) => d.code === 'convert/no-zone')) {
      const chosen = args.zone !== undefined ? { zone: args.zone, from: 'given to the command' } : args.confirm === false ? writerChoice() : await askZone(name);
      if (!chosen) return undefined;
      result = convertPostmortem(text, { fileName: name, defaultZone: chosen.zone, defaultZoneFrom: chosen.from, ...yours });
    }
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
    const outcome = { target: target.toString(), diagnostics: result.diagnostics.length, report, complete: result.report.complete, zone: result.report.zone.zone };
    // Created only if the name is still free: a file that appeared since the name was chosen is never overwritten.
    const created = await createNewFile(target, new TextEncoder().encode(result.text));
    if (!created.created) {
      const refused = created.exists
        ? `Not converted: ${baseName(target)} was created by something else while converting ${name}; it was not overwritten. Run Convert to Standard Format again to write a new copy.`
        : created.why
          ? `Not converted: nothing was written to ${vscode.workspace.asRelativePath(target, false)}: ${created.why}. ${name} is unchanged.`
          : `Not converted: ${baseName(target)} could not be created; nothing was written and ${name} is unchanged.`;
      showCreateRefusal(refused);
      return { ...outcome, refused };
    }
    this.collection.set(doc.uri, result.diagnostics.map((d) => {
      const diagnostic = toDiagnostic(d, doc.uri);
      diagnostic.source = 'postmortem convert';
      return diagnostic;
    }));
    await vscode.window.showTextDocument(target, { preview: false });
    const targetName = baseName(target);
    // The same count and words as the report the user just read (trial T18: 1 there, 4 here).
    if (reviewCount(result)) {
      void vscode.window.showWarningMessage(`Wrote ${targetName}. Incomplete: ${thingsToReview(result)} in ${name} (warnings in Problems); check them in the new file.`, 'Show Problems')
        .then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
    } else {
      void vscode.window.showInformationMessage(`Wrote ${targetName}; the original ${name} is unchanged.`);
    }
    return outcome;
  }

  dispose(): void {
    this.collection.dispose();
    this.listener.dispose();
  }
}

import * as vscode from 'vscode';
import { INCIDENT_TYPE_CHOICES, SEVERITY_CHOICES } from '../../core/template/choices';
import { newPostmortemText } from '../../core/template/create';
import { defaultIdFor, fileNameFor, sensitiveLeftOutOfName } from '../../core/template/newPostmortem';
import type { RenderProblem } from '../../core/template/render';
import { findTemplate, isUsable, matchingTemplates, suitsInWords } from '../../core/template/select';
import { readStartAnswer, type StartAnswer } from '../../core/template/startTime';
import { formatLocalDate } from '../../core/time/zones';
import { normaliseSeverity, type PostmortemTemplate } from '../../core/template/templateFile';
import type { ConfigStore } from '../config/configStore';
import { editorSettings } from '../config/settings';
import { log } from '../log';
import { createNewFile, showCreateRefusal } from '../editing/createNewFile';
import { readTemplates, templatesFolderOf } from '../templates/readTemplates';
import { editorWriterZone, showWriterZoneNotice } from '../timeline/writerZone';
import { askPick, askText, type PickItem, type ShownInput } from './quickInputSteps';
import { newPostmortemSteps, type StepNumber } from './newPostmortemSteps';
import { impliedWorkspaceFolder } from './workspaceFolder';

/** Arguments for scripted use (tests, other extensions): skip the questions answered here. */
export interface NewPostmortemArgs {
  readonly title?: string;
  /** Defaults to true: show the new file in an editor. */
  readonly open?: boolean;
  /** Uri (string) of the workspace folder to create it in; default: the active file's, else the first. */
  readonly workspaceFolder?: string;
  /** `SEV1`…`SEV4`; with a title and without this, no severity is written. */
  readonly severity?: string;
  /** `incident_type`; with a title and without this, none is written. */
  readonly type?: string;
  /** A repository template's name, or `builtin`; without it the best-suited template (else the built-in). */
  readonly template?: string;
  /** When the incident started (`2026-12-05 14:30` in the writer's zone, ISO with a zone, or `now`); with a title and without this, `started_at` stays a placeholder. */
  readonly started?: string;
}

export interface NewPostmortemDeps {
  readonly config: ConfigStore;
  /** Told of each question once it is on screen. */
  readonly shown: ShownInput;
}

const TITLE = 'New Post-mortem';
const BUILTIN = 'builtin';

/**
 * Asks (in a window of several folders, when no open file says which) the workspace folder first,
 * then a title, when the incident started (empty: not known, `started_at` stays a placeholder),
 * a severity and an incident type (Escape at any step cancels, nothing is written), picks the repository template that suits them (several: the person chooses; none: the
 * built-in), fills it in through the core's one renderer (id and UTC times, `timezone:` the writer's
 * zone: the `postmortem.zone` setting, else the machine's), creates it in the configured folder
 * (never over a file that appeared meanwhile: refused and said) and opens it. Without a folder open, opens an untitled document with the
 * built-in template. Returns the new file's URI, or undefined when cancelled or refused.
 */
export async function newPostmortem(deps: NewPostmortemDeps, args: NewPostmortemArgs = {}): Promise<vscode.Uri | undefined> {
  const scripted = args.title !== undefined;
  const folders = vscode.workspace.workspaceFolders ?? [];
  // A scripted call (a title given) is never asked for a folder: the first one.
  const implied = impliedWorkspaceFolder(args.workspaceFolder) ?? (scripted ? folders[0] : undefined);
  const steps = newPostmortemSteps(!implied && folders.length > 1);
  let root = implied;
  if (steps.folder) {
    // First, with the command's title and step (trial14b F8: asked after the title, untitled).
    const picked = await askPick<vscode.WorkspaceFolder>({
      title: TITLE, ...steps.folder, placeholder: 'Workspace folder for the new post-mortem',
      items: folders.map((f) => ({ label: f.name, description: f.uri.scheme === 'file' ? f.uri.fsPath : f.uri.toString(), value: f })),
    }, deps.shown);
    if (!picked) return undefined;
    root = picked.value;
  }
  const title = args.title ?? await askText({
    title: TITLE, ...steps.title,
    prompt: 'Title: what happened to the system, in one blameless line',
    placeholder: 'Checkout errors after connection-pool exhaustion',
    validate: (v) => (v.trim() ? undefined : 'Enter a title'),
  }, deps.shown);
  if (!title?.trim()) return undefined;
  const writer = editorWriterZone();
  // Asked, never assumed: the moment the file is made is not when the incident started (U7).
  const startText = scripted ? args.started ?? '' : await askText({
    title: TITLE, ...steps.start,
    prompt: `When did the incident start? A date and time in ${writer.zone} (or with Z), "now" for now, or leave it empty: started_at stays a placeholder to fill in, and the metrics count no durations for it until then`,
    placeholder: `${exampleStart(writer.zone)}   (empty: not known yet)`,
    validate: (v) => {
      const answer = readStartAnswer(v, writer.zone, new Date());
      return answer.kind === 'invalid' ? answer.message : undefined;
    },
    // What `postmortem new --started` prints: the time as read and the UTC started_at it writes.
    echo: (v) => startEcho(readStartAnswer(v, writer.zone, new Date())),
  }, deps.shown);
  if (startText === undefined) return undefined;
  const start = readStartAnswer(startText, writer.zone, new Date());
  if (start.kind === 'invalid') throw new Error(start.message);
  const templatesFolder = root ? await templatesFolderOf(deps.config, root.uri) : undefined;
  const templates = templatesFolder ? await readTemplates(templatesFolder.uri) : [];
  const folderName = templatesFolder?.name ?? '';
  const broken = templates.filter((t) => !isUsable(t));
  if (broken.length && args.template === undefined) {
    for (const t of broken) reportProblems(t, folderName, t.problems);
  }

  let severity: string | undefined;
  let type: string | undefined;
  if (scripted) {
    severity = args.severity === undefined ? undefined : normaliseSeverity(args.severity);
    if (args.severity !== undefined && !severity) throw new Error(`Expected severity SEV1…SEV4, found "${args.severity}"`);
    type = args.type?.trim() || undefined;
  } else {
    const sev = await askPick<string | undefined>({
      title: TITLE, ...steps.severity, placeholder: 'Severity (it picks the template; change it later in the front matter)',
      items: [
        ...SEVERITY_CHOICES.map((c) => ({ label: c.label, description: c.description, detail: templatesFor(templates, { severity: c.value }), value: c.value })),
        { label: 'Not decided yet', description: 'leave `severity` out for now', value: undefined },
      ],
    }, deps.shown);
    if (!sev) return undefined;
    severity = sev.value;
    const known = new Set(INCIDENT_TYPE_CHOICES.map((c) => c.value));
    const fromTemplates = [...new Set(templates.filter(isUsable).flatMap((t) => t.types))].filter((t) => !known.has(t));
    const typeItems: PickItem<string | undefined>[] = [
      ...INCIDENT_TYPE_CHOICES.map((c) => ({ label: c.value, description: c.description, value: c.value })),
      ...fromTemplates.map((t) => ({ label: t, description: 'named by a repository template', value: t })),
      { label: 'Not decided yet', description: 'leave `incident_type` out for now', value: undefined },
    ];
    const picked = await askPick<string | undefined>({
      title: TITLE, ...steps.type, placeholder: 'Incident type (type another name to use it)',
      items: typeItems.map((i) => (i.value === undefined ? i : { ...i, detail: templatesFor(templates, { severity, type: i.value }) })),
      typed: (text) => ({ label: text.toLowerCase(), description: 'a type of your own', value: text.toLowerCase() }),
    }, deps.shown);
    if (!picked) return undefined;
    type = picked.value;
  }

  const template = await chooseTemplate(templates, folderName, { severity, type }, args.template, scripted, steps.template, deps.shown);
  if (template === false) return undefined;
  const now = new Date();
  // `postmortem.folder` is resource-scoped: each workspace folder may keep post-mortems elsewhere.
  const settings = editorSettings(root?.uri);
  showWriterZoneNotice(writer);
  // Named by the incident's start date when it is known (as `postmortem new --started`), else today's.
  const named = start.kind === 'time' ? new Date(start.ms) : now;
  const render = (n: number) => newPostmortemText({
    title, now, zone: writer.zone, id: defaultIdFor(title, named, n, writer.zone),
    ...(start.kind === 'time' ? { started: start.ms } : {}),
    ...(settings.userName ? { author: settings.userName } : {}),
    ...(severity ? { severity } : {}), ...(type ? { incidentType: type } : {}),
  }, template);
  const first = render(1);
  if (template) reportProblems(template, folderName, first.problems);
  if (first.text === undefined) return undefined;
  if (!root) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: first.text });
    if (args.open !== false) await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  const folder = vscode.Uri.joinPath(root.uri, ...settings.folder.split(/[\\/]+/).filter(Boolean));
  await vscode.workspace.fs.createDirectory(folder);
  const { uri, n } = await freeName(folder, title, named, writer.zone);
  // The id carries the same -n as the file name, so two incidents of one title and day differ.
  const text = n === 1 ? first.text : render(n).text ?? first.text;
  // Created only if the name is still free: a file that appeared since freeName found it free is never overwritten.
  const created = await createNewFile(uri, new TextEncoder().encode(text));
  if (!created.created) {
    const shown = vscode.workspace.asRelativePath(uri, false);
    showCreateRefusal(created.exists
      ? `New post-mortem not created: ${shown} was created by something else meanwhile; it was not overwritten. Run New Post-mortem again to take the next free name.`
      : created.why
        ? `New post-mortem not created: nothing was written to ${shown}: ${created.why}.`
        : `New post-mortem not created: ${shown} could not be created; nothing was changed.`);
    return undefined;
  }
  if (template) vscode.window.setStatusBarMessage(`$(file) New post-mortem from the template ${template.label}`, 5000);
  // The name lacks part of the title: said, as `postmortem new` says it (trial15a F9).
  const leftOut = sensitiveLeftOutOfName(title);
  if (leftOut.length) void vscode.window.showInformationMessage(`Left ${leftOut.join(' and ')} out of the file name and id of ${vscode.workspace.asRelativePath(uri, false)}: names are copied into git history, links and tickets. The title still has ${leftOut.length === 1 ? 'it' : 'them'}, reported as redaction/*.`);
  if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

/** The line `postmortem new` prints for a start it read (`started_at: 2026-12-06 23:50 Asia/Tokyo = 2026-12-06T14:50:00Z`); nothing for none. */
export function startEcho(answer: StartAnswer): string | undefined {
  return answer.kind === 'time' ? `started_at: ${answer.said}` : undefined;
}

/** An example start in the writer's zone: yesterday at 14:30, as they would type it. */
function exampleStart(zone: string): string {
  const yesterday = formatLocalDate(Date.now() - 86_400_000, zone);
  return `${yesterday} 14:30`;
}

/** The repository templates that would be offered, in words, for a pick item's detail line. */
function templatesFor(templates: readonly PostmortemTemplate[], criteria: { severity?: string; type?: string }): string | undefined {
  const suited = matchingTemplates(templates, criteria);
  return suited.length ? `Template: ${suited.map((t) => t.label).join(' or ')}` : undefined;
}

/**
 * The template to use: the named one (scripted), else the one that suits; several: the person
 * chooses (most specific first, the built-in last); none: the built-in (undefined). False when
 * cancelled or the named one is unknown or broken (said in a message).
 */
async function chooseTemplate(templates: readonly PostmortemTemplate[], folderName: string, criteria: { severity?: string; type?: string }, name: string | undefined, scripted: boolean, step: StepNumber, shown: ShownInput): Promise<PostmortemTemplate | undefined | false> {
  if (name !== undefined) {
    const found = findTemplate(templates, name);
    if (found && isUsable(found)) return found;
    if (found) {
      reportProblems(found, folderName, found.problems);
      return false;
    }
    if (name.trim().toLowerCase() === BUILTIN) return undefined;
    const available = templates.filter(isUsable).map((t) => t.name);
    void vscode.window.showErrorMessage(`No post-mortem template "${name}" in ${folderName}; available: ${[...available, BUILTIN].join(', ')}.`);
    return false;
  }
  const suited = matchingTemplates(templates, criteria);
  // Scripted callers are not asked: the most specific template that suits.
  if (suited.length <= 1 || scripted) return suited[0];
  const picked = await askPick<PostmortemTemplate | undefined>({
    title: TITLE, ...step, placeholder: `${suited.length} templates suit this incident: which one?`,
    items: [
      ...suited.map((t) => ({ label: t.label, description: suitsInWords(t), detail: t.description ?? `${folderName}/${t.name}.md`, value: t })),
      { label: 'Built-in template', description: 'every section', value: undefined },
    ],
  }, shown);
  return picked ? picked.value : false;
}

/** Errors and warnings as messages naming the template file; notes in the log. */
function reportProblems(template: PostmortemTemplate, folderName: string, problems: readonly RenderProblem[]): void {
  const file = `${folderName}/${template.name}.md`;
  const say = (p: RenderProblem) => `${file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
  for (const p of problems) log()[p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warn' : 'info'](`Template ${say(p)}`);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (errors.length) void vscode.window.showErrorMessage(`The post-mortem template cannot be used: ${say(errors[0])}${errors.length > 1 ? ` (and ${errors.length - 1} more in the log)` : ''}`);
  else if (warnings.length) void vscode.window.showWarningMessage(`Post-mortem template ${say(warnings[0])}${warnings.length > 1 ? ` (and ${warnings.length - 1} more in the log)` : ''}`);
}

/** `name.md`, else `name-2.md`, `name-3.md`, …: never overwrite an existing post-mortem. */
async function freeName(folder: vscode.Uri, title: string, now: Date, zone: string): Promise<{ uri: vscode.Uri; n: number }> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, fileNameFor(title, now, n, zone));
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return { uri, n };
    }
  }
}

import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfigFor } from '../../core/config/load';
import { newPostmortemText } from '../../core/template/create';
import { defaultIdFor, fileNameFor, sensitiveLeftOutOfName, writerDay } from '../../core/template/newPostmortem';
import type { RenderProblem } from '../../core/template/render';
import { readStartAnswer } from '../../core/template/startTime';
import { findTemplate, isUsable, matchingTemplates, suitsInWords } from '../../core/template/select';
import { normaliseSeverity, SEVERITIES, type PostmortemTemplate } from '../../core/template/templateFile';
import { TEMPLATE_VARIABLES } from '../../core/template/variables';
import { pickWriterZone } from '../../core/time/writerZone';
import { noteProcessZone, processZone } from '../processZone';
import { readZoneFlag } from '../zoneFlag';
import { parseCommandArgs, parseNow, usageError } from '../args';
import { reportConfigProblems } from '../configProblems';
import { displayPath, findGitRoot } from '../files/roots';
import { writeFileSafely } from '../files/safeWrite';
import { readTemplateFolder, type TemplateFolder } from '../files/templates';
import { MAX_CONFIG_BYTES, readOptionalUserText } from '../files/userFile';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io';

export const NEW_HELP = `Usage: postmortem new "Title" [options]

Creates a draft post-mortem from the template: id PM-YYYYMMDD-<slug>, \`started_at\` from --started
(without it a placeholder to fill in: never the creation time), \`timezone:\` set to your time zone (this process's, TZ included, or --zone), every
section with short blameless-writing prompts. Prints the new file's path. Timeline times you type
without a zone are then read in that zone and flagged with a fix converting them to UTC; when the
zone is UTC or unknown, a note on stderr says so.
The file is named YYYY-MM-DD-<slug>.md, and the id PM-YYYYMMDD-<slug>, by the incident's start date
with --started, else by today's date: the day in your zone, the one written as \`timezone:\`, not the
UTC date (a note says when they differ, and when the start date is not today); letters of any script
are kept; an existing file is never overwritten: the next free name is taken instead (…-<slug>-2.md,
id …-<slug>-2, with a note naming the existing file), except with --id, which names one post-mortem:
then the command stops rather than make two files with one id.


Templates: the repository's templates are the files .postmortem/templates/NAME.md (another folder:
"templatesFolder" in .postmortemrc.json, relative to the repository root). A template's \`template:\`
front-matter block says which severities and incident types it suits and which sections its
post-mortems need (\`required_sections\`); its variables ({{title}}, {{id}}, {{now}}, …) are filled in.
Without --template the template that suits --severity and --type is used (one naming neither suits
any incident); when none does, the built-in template; when several suit equally, name one.

Options:
  --template <NAME>       Use .postmortem/templates/NAME.md (\`builtin\`: the built-in template).
  --severity <SEV1-SEV4>  Write \`severity\` and pick the template that suits it.
  --type <type>           Write \`incident_type\` (security, outage, …) and pick the template that suits it.
  --list-templates        List the repository's templates, what each suits, and their problems.
  --dir <folder>          Where to create it (default: postmortems, created if missing). A name
                          ending in .md that is not an existing folder is refused (exit 2).
  --id <id>               Use this id instead of PM-YYYYMMDD-<slug>.
  --author <name>         Fill \`authors\`.
  --zone <IANA zone>      Write this \`timezone\` (like Europe/Berlin) instead of this process's zone.
  --started <time>        When the incident started: 2026-12-05 14:30 (read in your zone, as
                          \`timezone:\`), 2026-12-05 14:30 JST (any zone a timeline entry may name),
                          2026-12-05T22:30Z, or now. Without it \`started_at\` and
                          the first timeline time are placeholders, and metrics count no durations.
  --now <ISO date-time>   Take this as the current time.
  -h, --help              Show this help.

Variables: ${Object.keys(TEMPLATE_VARIABLES).map((v) => `{{${v}}}`).join(' ')}.

Examples:
  postmortem new "Checkout 5xx after pool change"
  postmortem new "Search outage" --dir docs/postmortems --author dana
  postmortem new "Login errors" --zone America/Los_Angeles --started "2026-12-05 14:30"
  postmortem new "Leaked token in build logs" --template security --severity SEV2

Exit codes: 0 created (the path is printed), 2 usage errors, an unknown or broken template, or a
file that cannot be created.
`;

const newCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs('new', argv, {
    dir: { type: 'string' },
    id: { type: 'string' },
    author: { type: 'string' },
    now: { type: 'string' },
    zone: { type: 'string' },
    template: { type: 'string' },
    severity: { type: 'string' },
    type: { type: 'string' },
    'list-templates': { type: 'boolean' },
    started: { type: 'string' },
  });
  if (values.help) {
    io.out(NEW_HELP);
    return EXIT_OK;
  }
  const root = findGitRoot(io.cwd) ?? io.cwd;
  if (values['list-templates']) return listTemplates(io, await templateFolderOf(io, root, io.cwd));
  const given = positionals.join(' ').trim();
  const title = oneLineTitle(given);
  if (title !== given) io.err(`postmortem new: the title had line breaks or control characters; written as one line: "${title}"\n`);
  if (!title) throw usageError('new', 'Expected a title, e.g. postmortem new "Checkout 5xx after pool change"');
  const id = values.id as string | undefined;
  if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
    throw usageError('new', `Expected --id to be letters, digits, ".", "_" or "-" (like PM-2026-014), found "${id}"`);
  }
  const zoneFlag = readZoneFlag('new', values.zone as string | undefined, 'iana');
  const severityFlag = values.severity as string | undefined;
  const severity = severityFlag === undefined ? undefined : normaliseSeverity(severityFlag);
  if (severityFlag !== undefined && !severity) throw usageError('new', `Expected --severity to be one of ${SEVERITIES.join(', ')}, found "${severityFlag}"`);
  const incidentType = values.type === undefined ? undefined : oneLineTitle(values.type as string) || undefined;
  const writer = pickWriterZone({ configured: zoneFlag, configuredName: '--zone', machine: processZone().zone, howToSet: 'pass --zone with your zone (like --zone Europe/Berlin) or set TZ' });
  // A TZ that is not a zone name is said as such (it names the value); the general note would only repeat "UTC".
  if (!zoneFlag) noteProcessZone(io, 'new', 'set TZ=Area/City or pass --zone (like --zone Europe/Berlin)');
  if (writer.notice && (zoneFlag || !processZone().notice)) io.err(`postmortem new: note: ${writer.notice}\n`);
  const now = parseNow(values.now as string | undefined, io.now, 'new');
  const start = values.started === undefined ? undefined : readStartAnswer(values.started as string, writer.zone, now);
  if (start?.kind === 'invalid') throw usageError('new', `--started: ${start.message}`);
  if (start?.kind === 'time') io.err(`postmortem new: started_at: ${start.said}\n`);
  const dir = resolve(io.cwd, (values.dir as string | undefined) ?? 'postmortems');
  // `--dir incident.md` meant as the file's name would make a folder "incident.md" and a file in it.
  if (values.dir !== undefined && /\.(?:md|markdown)$/i.test(values.dir as string) && !isFolder(dir)) {
    throw usageError('new', `Expected --dir to name a folder, found "${values.dir}", a file name: the file is named YYYY-MM-DD-<slug>.md inside the folder (to use a folder named like that, create it first)`);
  }
  const author = values.author === undefined ? undefined : oneLineTitle(values.author as string);
  const folder = await templateFolderOf(io, root, dir);
  if (!folder) return EXIT_USAGE;
  const chosen = chooseTemplate(io, folder, values.template as string | undefined, { severity, type: incidentType });
  if (chosen === false) return EXIT_USAGE;
  const template = chosen;
  const templatePath = (t: PostmortemTemplate) => displayPath(io.cwd, join(folder.folder, `${t.name}.md`));
  if (template) io.err(`postmortem new: using the template ${templatePath(template)} (${suitsInWords(template)})\n`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A file where the folder goes was "EEXIST: file already exists, mkdir …" (trial18a F12).
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file of that name (or above it) is there, not a folder; name another --dir' : (e as Error).message;
    io.err(`postmortem new: cannot create ${displayPath(io.cwd, dir)}: ${why}\n`);
    return EXIT_USAGE;
  }
  // Named by the incident's date when it is known: a review written days later sorts with its incident
  // (as the examples do), not with the day it was written.
  const named = start?.kind === 'time' ? new Date(start.ms) : now;
  // The first free name of YYYY-MM-DD-<slug>.md, -2.md, -3.md, …; 'wx' makes taking it atomic.
  for (let n = 1; n <= MAX_SAME_NAME; n++) {
    const path = join(dir, fileNameFor(title, named, n, writer.zone));
    const made = newPostmortemText({
      title, now, zone: writer.zone, id: id ?? defaultIdFor(title, named, n, writer.zone), ...(start?.kind === 'time' ? { started: start.ms } : {}),
      ...(author ? { author } : {}), ...(severity ? { severity } : {}), ...(incidentType ? { incidentType } : {}),
    }, template);
    // Problems are the template's, the same for every numbered name: said once, on the first try.
    if (n === 1 && template) reportTemplateProblems(io, templatePath(template), made.problems);
    if (made.text === undefined) return EXIT_USAGE;
    const text = made.text;
    const written = writeFileSafely(path, text, { createOnly: true });
    if (!written.ok) {
      const exists = written.reason === 'exists';
      if (exists && id === undefined) continue;
      const reason = exists ? 'the file already exists (not overwritten). With --id no numbered name is taken: it would repeat the id' : written.message;
      io.err(`postmortem new: cannot create ${displayPath(io.cwd, path)}: ${reason}\n`);
      return EXIT_USAGE;
    }
    io.out(`${displayPath(io.cwd, path)}\n`);
    const leftOut = sensitiveLeftOutOfName(title);
    if (leftOut.length) io.err(`postmortem new: note: ${leftOutNote(leftOut, id === undefined)}\n`);
    // Two reviews of one incident are easy to make by running the command twice: name the file that was there.
    if (n > 1) io.err(`postmortem new: note: ${displayPath(io.cwd, join(dir, fileNameFor(title, named, 1, writer.zone)))} already exists (not changed), so this one is numbered ${n}; if it is the same incident, edit that file and delete this one\n`);
    const startDay = writerDay(named, writer.zone);
    if (startDay !== writerDay(now, writer.zone)) {
      const utcStart = writerDay(named);
      io.err(`postmortem new: note: named by the incident's start date, ${startDay} in ${writer.zone}${id === undefined ? ' (file and id)' : ''}, not today's date${utcStart !== startDay ? `; in UTC the start was on ${utcStart}` : ''}\n`);
      return EXIT_OK;
    }
    // Near midnight the writer's date and the UTC date differ: say which one names the file.
    // UTC may be behind the writer (Berlin, Auckland after midnight: "still") or ahead (Los Angeles in the evening: "already").
    const day = writerDay(now, writer.zone);
    const utcDay = writerDay(now);
    const times = start?.kind === 'time' || writesUtcTime(template?.source ?? '') ? `, and the times written into it are UTC (${now.toISOString().slice(0, 16)}Z)` : '';
    if (day !== utcDay) io.err(`postmortem new: note: named by your date, ${day} in ${writer.zone}${id === undefined ? ' (file and id)' : ''}; in UTC it is ${utcDay < day ? 'still' : 'already'} ${utcDay}${times}\n`);
    return EXIT_OK;
  }
  io.err(`postmortem new: cannot create ${displayPath(io.cwd, join(dir, fileNameFor(title, named, 1, writer.zone)))}: it and ${MAX_SAME_NAME - 1} numbered variants already exist\n`);
  return EXIT_USAGE;
};

/** Why the name lacks part of the title (trial15a F9): a name travels where the title's redaction never reaches. */
function leftOutNote(nouns: readonly string[], id: boolean): string {
  return `left ${nouns.join(' and ')} out of the file name${id ? ' and id' : ''} (names are copied into git history, links and tickets); the title still has ${nouns.length === 1 ? 'it' : 'them'}: \`postmortem lint\` reports ${nouns.length === 1 ? 'it' : 'them'} as redaction/*`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a template writes the creation time or date (UTC) into the file. */
function writesUtcTime(source: string): boolean {
  return ['now', 'date', 'time'].some((v) => source.replace(/ /g, '').includes(`{{${v}}}`));
}

/** The templates folder of the configuration that applies to new files in `dir`; undefined (after saying why) when the config is broken. */
async function templateFolderOf(io: CliIo, root: string, dir: string): Promise<TemplateFolder | undefined> {
  const loaded = await loadConfigFor(join(dir, 'new.md').split('\\').join('/'), {
    root: root.split('\\').join('/'),
    readFile: async (path) => readOptionalUserText(path, MAX_CONFIG_BYTES),
  });
  if (reportConfigProblems(io, 'new', loaded.config.problems, ['templatesFolder'])) return undefined;
  try {
    return readTemplateFolder(resolve(root, loaded.config.templatesFolder));
  } catch (e) {
    io.err(`postmortem new: cannot read the templates folder ${displayPath(io.cwd, resolve(root, loaded.config.templatesFolder))}: ${(e as Error).message}\n`);
    return undefined;
  }
}

/**
 * The template to use: the one named by --template (\`builtin\` for the built-in), else the one that
 * suits the severity and type best, else undefined (the built-in). False, after saying why, when the
 * named one is unknown or broken, or when several suit equally well.
 */
function chooseTemplate(io: CliIo, folder: TemplateFolder, name: string | undefined, criteria: { severity?: string; type?: string }): PostmortemTemplate | undefined | false {
  const where = displayPath(io.cwd, folder.folder);
  if (name !== undefined) {
    const found = findTemplate(folder.templates, name);
    if (found) {
      if (isUsable(found)) return found;
      reportTemplateProblems(io, displayPath(io.cwd, join(folder.folder, `${found.name}.md`)), found.problems);
      return false;
    }
    if (/^built-?in$/i.test(name.trim())) return undefined;
    const available = folder.templates.filter(isUsable);
    io.err(`postmortem new: unknown template "${name}": ${folder.exists ? `no ${name.replace(/\.md$/i, '')}.md in ${where}` : `there is no templates folder ${where}`}.\n`);
    io.err(available.length
      ? `Available templates:\n${available.map((t) => `  ${t.name.padEnd(16)} ${suitsInWords(t)}${t.description ? ` — ${t.description}` : ''}`).join('\n')}\n  builtin          the built-in template\n`
      : 'Available templates: only builtin (the built-in template). Copy it to the repository to customise: VS Code command "Post-mortem: Copy Built-in Template to the Repository".\n');
    return false;
  }
  // A broken template is never chosen, and never silently: each says why it was passed over.
  for (const t of folder.templates.filter((x) => !isUsable(x))) {
    const first = t.problems.find((p) => p.severity === 'error');
    io.err(`postmortem new: warning: template ${displayPath(io.cwd, join(folder.folder, `${t.name}.md`))}${first?.line ? `:${first.line}` : ''} is not used: ${first?.message ?? 'it has errors'}\n`);
  }
  const matches = matchingTemplates(folder.templates, criteria);
  if (matches.length === 0) return undefined;
  const rank = (t: PostmortemTemplate) => (t.severities.length ? 1 : 0) + (t.types.length ? 1 : 0);
  const best = matches.filter((t) => rank(t) === rank(matches[0]));
  if (best.length === 1) return best[0];
  io.err(`postmortem new: ${best.length} templates in ${where} suit this incident equally (${best.map((t) => t.name).join(', ')}); name one with --template NAME (or --template builtin)\n`);
  return false;
}

function reportTemplateProblems(io: CliIo, path: string, problems: readonly RenderProblem[]): void {
  for (const p of problems) {
    const kind = p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warning' : 'note';
    io.err(`postmortem new: ${kind}: template ${path}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
  }
}

function listTemplates(io: CliIo, folder: TemplateFolder | undefined): number {
  if (!folder) return EXIT_USAGE;
  const where = displayPath(io.cwd, folder.folder);
  if (!folder.exists || folder.templates.length === 0) {
    io.out(`No templates in ${where}: postmortem new uses the built-in template.\n`);
    return EXIT_OK;
  }
  for (const t of folder.templates) {
    const required = t.requiredSections ? `; requires ${t.requiredSections.join(', ')}` : '';
    io.out(`${t.name.padEnd(16)} ${suitsInWords(t)}${required}${t.description ? ` — ${t.description}` : ''}${isUsable(t) ? '' : ' (not usable)'}\n`);
    reportTemplateProblems(io, displayPath(io.cwd, join(folder.folder, `${t.name}.md`)), t.problems);
  }
  if (folder.skipped) io.err(`postmortem new: warning: ${folder.skipped} more files in ${where} were not read (at most the first ${folder.templates.length} by name)\n`);
  return folder.templates.some((t) => !isUsable(t)) ? EXIT_USAGE : EXIT_OK;
}

/**
 * A title is one line: a line break (also a lone CR, which Markdown and YAML both read as one) would
 * end the heading and let the rest become a task line or a section. Runs of whitespace and control
 * characters become one space.
 */
export function oneLineTitle(text: string): string {
  return text.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** A bound on numbered names, so a folder that refuses every name cannot loop forever. */
const MAX_SAME_NAME = 999;

export default newCommand;

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultIdFor, fileNameFor, renderPostmortemTemplate } from '../../core/template/newPostmortem';
import { parseCommandArgs, parseNow } from '../args';
import { displayPath } from '../files/roots';
import { writeFileSafely } from '../files/safeWrite';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand } from '../io';

export const NEW_HELP = `Usage: postmortem new "Title" [options]

Creates a draft post-mortem from the template: id PM-YYYYMMDD-<slug>, started/detected times set to
now in UTC, every section with short blameless-writing prompts. Prints the new file's path.
The file is named YYYY-MM-DD-<slug>.md (letters of any script are kept); an existing file is never
overwritten: the next free name is taken instead (…-<slug>-2.md, id …-<slug>-2), except with --id,
which names one post-mortem: then the command stops rather than make two files with one id.

Options:
  --dir <folder>          Where to create it (default: postmortems, created if missing).
  --id <id>               Use this id instead of PM-YYYYMMDD-<slug>.
  --author <name>         Fill \`authors\`.
  --now <ISO date-time>   Take this as the current time.
  -h, --help              Show this help.

Examples:
  postmortem new "Checkout 5xx after pool change"
  postmortem new "Search outage" --dir docs/postmortems --author dana

Exit codes: 0 created (the path is printed), 2 usage errors or a file that cannot be created.
`;

const newCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs('new', argv, {
    dir: { type: 'string' },
    id: { type: 'string' },
    author: { type: 'string' },
    now: { type: 'string' },
  });
  if (values.help) {
    io.out(NEW_HELP);
    return EXIT_OK;
  }
  const given = positionals.join(' ').trim();
  const title = oneLineTitle(given);
  if (title !== given) io.err(`postmortem new: the title had line breaks or control characters; written as one line: "${title}"\n`);
  if (!title) throw new UsageError('postmortem new: expected a title, e.g. postmortem new "Checkout 5xx after pool change"');
  const id = values.id as string | undefined;
  if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
    throw new UsageError(`postmortem new: expected --id to be letters, digits, ".", "_" or "-" (like PM-2026-014), found "${id}"`);
  }
  const now = parseNow(values.now as string | undefined, io.now, 'new');
  const dir = resolve(io.cwd, (values.dir as string | undefined) ?? 'postmortems');
  const author = values.author === undefined ? undefined : oneLineTitle(values.author as string);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    io.err(`postmortem new: cannot create ${displayPath(io.cwd, dir)}: ${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
  // The first free name of YYYY-MM-DD-<slug>.md, -2.md, -3.md, …; 'wx' makes taking it atomic.
  for (let n = 1; n <= MAX_SAME_NAME; n++) {
    const path = join(dir, fileNameFor(title, now, n));
    const text = renderPostmortemTemplate({ title, now, id: id ?? defaultIdFor(title, now, n), ...(author ? { author } : {}) });
    const written = writeFileSafely(path, text, { createOnly: true });
    if (!written.ok) {
      const exists = written.reason === 'exists';
      if (exists && id === undefined) continue;
      const reason = exists ? 'the file already exists (not overwritten). With --id no numbered name is taken: it would repeat the id' : written.message;
      io.err(`postmortem new: cannot create ${displayPath(io.cwd, path)}: ${reason}\n`);
      return EXIT_USAGE;
    }
    io.out(`${displayPath(io.cwd, path)}\n`);
    return EXIT_OK;
  }
  io.err(`postmortem new: cannot create ${displayPath(io.cwd, join(dir, fileNameFor(title, now)))}: it and ${MAX_SAME_NAME - 1} numbered variants already exist\n`);
  return EXIT_USAGE;
};

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

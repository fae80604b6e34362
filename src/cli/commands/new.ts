import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileNameFor, renderPostmortemTemplate } from '../../core/template/newPostmortem';
import { parseCommandArgs, parseNow } from '../args';
import { displayPath } from '../files/roots';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand } from '../io';

export const NEW_HELP = `Usage: postmortem new "Title" [options]

Creates a draft post-mortem from the template: id PM-YYYYMMDD-<slug>, started/detected times set to
now in UTC, every section with short blameless-writing prompts. Prints the new file's path.
The file is named YYYY-MM-DD-<slug>.md; an existing file is never overwritten.

Options:
  --dir <folder>          Where to create it (default: postmortems, created if missing).
  --id <id>               Use this id instead of PM-YYYYMMDD-<slug>.
  --author <name>         Fill \`authors\`.
  --now <ISO date-time>   Take this as the current time.
  -h, --help              Show this help.
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
  const title = positionals.join(' ').trim();
  if (!title) throw new UsageError('postmortem new: expected a title, e.g. postmortem new "Checkout 5xx after pool change"');
  const id = values.id as string | undefined;
  if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
    throw new UsageError(`postmortem new: expected --id to be letters, digits, ".", "_" or "-" (like PM-2026-014), found "${id}"`);
  }
  const now = parseNow(values.now as string | undefined, io.now, 'new');
  const dir = resolve(io.cwd, (values.dir as string | undefined) ?? 'postmortems');
  const path = join(dir, fileNameFor(title, now));
  const text = renderPostmortemTemplate({ title, now, ...(id ? { id } : {}), ...(values.author ? { author: values.author as string } : {}) });
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' ? 'the file already exists (not overwritten)' : (e as Error).message;
    io.err(`postmortem new: cannot create ${displayPath(io.cwd, path)}: ${reason}\n`);
    return EXIT_USAGE;
  }
  io.out(`${displayPath(io.cwd, path)}\n`);
  return EXIT_OK;
};

export default newCommand;

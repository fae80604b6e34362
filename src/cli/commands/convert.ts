import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { convertPostmortem } from '../../core/import/convert';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from '../io';

const USAGE = `Usage: postmortem convert FILE… [--out DIR | --stdout] [--zone ZONE]
Writes FILE's conversion to NAME.postmortem.md beside it (or in --out DIR); never overwrites an
existing file. --stdout prints the result instead. --zone gives the zone of times the file does not state.`;

/** The output name: `incident.md` → `incident.postmortem.md` (recognised by the default globs). */
export function convertedName(file: string): string {
  return basename(file).replace(/(\.html)?\.(md|markdown)(\.erb)?$/i, '').replace(/\.postmortem$/i, '') + '.postmortem.md';
}

/** `postmortem convert`: exit 0 when all converted, 1 when some had diagnostics to review, 2 on errors. */
export default async function convert(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, stdout: { type: 'boolean' }, zone: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    io.err(`Expected at least one FILE\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (values.out && values.stdout) {
    io.err(`Expected either --out or --stdout, not both\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  let status = EXIT_OK;
  for (const p of positionals) {
    const file = resolve(io.cwd, p);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      io.err(`Cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      status = EXIT_USAGE;
      continue;
    }
    const result = convertPostmortem(text, { fileName: basename(file), defaultZone: values.zone });
    for (const d of result.diagnostics) {
      io.err(`${p}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity}  ${d.message}  ${d.code}\n`);
    }
    if (result.diagnostics.some((d) => d.severity !== 'info') && status === EXIT_OK) status = EXIT_PROBLEMS;
    if (values.stdout) {
      io.out(result.text);
      continue;
    }
    const target = join(values.out ? resolve(io.cwd, values.out) : dirname(file), convertedName(file));
    const shown = relative(io.cwd, target) || target;
    if (await access(target).then(() => true, () => false)) {
      io.err(`${shown} already exists; not overwritten. Remove it, or use --out DIR or --stdout.\n`);
      status = EXIT_USAGE;
      continue;
    }
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, result.text, { encoding: 'utf8', flag: 'wx' });
    } catch (e) {
      io.err(`Cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      status = EXIT_USAGE;
      continue;
    }
    io.out(`${p} → ${shown}${result.diagnostics.length ? ` (${result.diagnostics.length} to review)` : ''}\n`);
  }
  return status;
}

/**
 * Arguments starting with "-" (trial 13a F26): `new "- leading dash" --dir x1` named the option '--'
 * (the user never typed it), and `new -- "- leading dash" --dir x2` made the title "- leading dash
 * --dir x2" in postmortems/ with exit 0. The argument is named whole with where it goes, and an
 * option written after "--" is refused instead of joining the title.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import newCommand from '../../../src/cli/commands/new';
import { parseCommandArgs } from '../../../src/cli/args';
import { UsageError } from '../../../src/cli/io';

describe('arguments starting with "-"', () => {
  let dir: string;
  let err: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-dash-'));
    err = '';
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const io = () => ({ out: () => {}, err: (t: string) => (err += t), cwd: dir, now: () => new Date('2026-12-07T08:00:00Z') });
  const usage = async (argv: string[]) => {
    try {
      await newCommand([...argv, '--zone', 'UTC'], io());
    } catch (e) {
      assert.ok(e instanceof UsageError, String(e));
      return e.message;
    }
    return 'no usage error';
  };

  it('names a title starting with "-" whole, and says to put it after --', async () => {
    assert.equal(await usage(['- leading dash', '--dir', 'x1']),
      'postmortem new: Unknown option \'- leading dash\': an argument starting with "-" goes last, after "--", as in postmortem new [options] -- "- leading dash". Run `postmortem new --help`.');
    assert.equal(existsSync(join(dir, 'x1')), false);
    // An option-shaped unknown is named as before, whole, not cut at its first characters.
    assert.equal(await usage(['Title', '--bogus']), 'postmortem new: Unknown option \'--bogus\'. Run `postmortem new --help`.');
    assert.equal(await usage(['Title', '-5xx']), 'postmortem new: Unknown option \'-5xx\': an argument starting with "-" goes last, after "--", as in postmortem new [options] -- "-5xx". Run `postmortem new --help`.');
  });

  it('refuses an option written after --, which would join the title, and creates nothing', async () => {
    assert.equal(await usage(['--', '- leading dash', '--dir', 'x2']),
      'postmortem new: Expected options before "--", found --dir after it: after "--" every argument is taken as written (a title, a file name); move --dir and its value before "--". Run `postmortem new --help`.');
    assert.equal(existsSync(join(dir, 'postmortems')), false);
    assert.equal(existsSync(join(dir, 'x2')), false);
  });

  it('takes the title after -- when the options come first', async () => {
    assert.equal(await newCommand(['--dir', 'x3', '--zone', 'UTC', '--', '- leading dash'], io()), 0, err);
    const [file] = readdirSync(join(dir, 'x3'));
    assert.equal(file, '2026-12-07-leading-dash.md');
    assert.match(readFileSync(join(dir, 'x3', file), 'utf8'), /^title: "- leading dash"$/m);
  });

  it('skips option values when looking for the unknown argument', () => {
    assert.throws(() => parseCommandArgs('x', ['--dir', 'a', '- b'], { dir: { type: 'string' } }), /Unknown option '- b'/);
    assert.deepEqual(parseCommandArgs('x', ['--dir=a', '--', '-b', 'c'], { dir: { type: 'string' } }).positionals, ['-b', 'c']);
  });
});

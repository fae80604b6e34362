import { GIT_LOG_FORMAT, ImportError } from '../../core/import';

type ExecFile = (file: string, args: readonly string[], options: { maxBuffer: number; windowsHide: boolean }, callback: (error: (Error & { stderr?: string }) | null, stdout: string, stderr: string) => void) => void;

/**
 * `git` can only run where the extension host is Node (desktop, code-server, remote): there is no
 * process to spawn in a web worker. The child_process module is looked up at run time through
 * `process.getBuiltinModule` (Node ≥ 20.16; VS Code 1.100 ships Node 20.19) instead of an import,
 * so neither bundle statically pulls a Node built-in and the web bundle's built-in check stays strict.
 */
function execFileOrUndefined(): ExecFile | undefined {
  const proc = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } }).process;
  if (!proc?.versions?.node || typeof proc.getBuiltinModule !== 'function') return undefined;
  const childProcess = proc.getBuiltinModule('node:child_process') as { execFile?: ExecFile } | undefined;
  return childProcess?.execFile;
}

/** True when this extension host can spawn `git` (the Node host); false in the web worker. */
export function canRunGit(): boolean {
  return execFileOrUndefined() !== undefined;
}

/** `git log` of a local folder over the window (ISO times), in the format parseGitLog reads. */
export function runGitLog(folder: string, since: string, until: string | undefined): Promise<string> {
  const execFile = execFileOrUndefined();
  if (!execFile) return Promise.reject(new ImportError('Importing from git needs the desktop (Node) extension host; use `postmortem import-timeline --from git` on a machine with git instead.'));
  const args = ['-C', folder, 'log', '--all', `--since=${since}`, ...(until ? [`--until=${until}`] : []), '--date=iso-strict', `--pretty=format:${GIT_LOG_FORMAT}`];
  return new Promise((resolve, reject) => {
    execFile('git', args, { maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error) reject(new ImportError(`git log in ${folder} failed: ${(stderr || error.message).trim().split('\n')[0]}`));
      else resolve(stdout);
    });
  });
}

import type { CliCommand, CliIo } from '../../src/cli/io';

export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a CLI command in this process (so a test can swap the writer's file system), colours off. */
export async function runInProcess(command: CliCommand, cwd: string, ...argv: string[]): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), cwd, now: () => new Date('2026-11-27T12:00:00Z') };
  const saved = process.env.NO_COLOR;
  process.env.NO_COLOR = '1';
  try {
    const code = await command(argv, io);
    return { code, stdout, stderr };
  } finally {
    if (saved === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved;
  }
}

import type { CliIo } from './io';
import { terminalSafeOutput } from './style';

/**
 * The real process behind CliIo: stdout/stderr and the wall clock. stderr is always for people, so
 * control characters in it are made visible (see terminalSafeOutput); stdout too when it is a
 * terminal. Piped stdout is data (JSON, SARIF, `convert --stdout`) and passes unchanged: JSON has
 * its own escapes, and converted text must keep its bytes.
 */
export function nodeIo(): CliIo {
  const stdoutIsTerminal = process.stdout.isTTY === true;
  // `postmortem convert … | head -3`: head exits, the next write fails with EPIPE. Unhandled, that
  // error ended the process mid-loop (later files never written, nothing said). Output to a closed
  // pipe is dropped instead and counted; the work goes on and main.ts says so on stderr.
  let dropped = 0;
  let closed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    if (!closed) dropped++; // the write that failed
    closed = true;
  });
  // `2>&1 | head`: stderr goes to the same closed pipe. Nothing can be said any more, but the work
  // (the files a command writes) must not be lost to an unhandled EPIPE.
  let errClosed = false;
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    errClosed = true;
  });
  return {
    out: (text) => {
      if (closed) {
        dropped++;
        return;
      }
      process.stdout.write(stdoutIsTerminal ? terminalSafeOutput(text) : text);
    },
    droppedOutput: () => (closed ? { writes: dropped } : undefined),
    err: (text) => {
      if (!errClosed) process.stderr.write(terminalSafeOutput(text));
    },
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

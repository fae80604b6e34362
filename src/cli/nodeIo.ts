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
  return {
    out: (text) => void process.stdout.write(stdoutIsTerminal ? terminalSafeOutput(text) : text),
    err: (text) => void process.stderr.write(terminalSafeOutput(text)),
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

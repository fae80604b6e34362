import { realFs, type WriterFs } from '../../src/cli/files/safeWrite';

/** An errno error as Node throws it. */
export function errno(code: string, syscall: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: simulated failure, ${syscall}`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  return e;
}

/**
 * The real file system with one call failing the way a full disk or a broken device makes it fail.
 * `afterBytes`: a write fails once that many bytes were written (a disk that fills up mid-file).
 */
export function failing(call: keyof WriterFs, code = 'ENOSPC', afterBytes = 0): WriterFs {
  let written = 0;
  const fs: WriterFs = { ...realFs };
  if (call === 'writeSync') {
    fs.writeSync = (fd, buffer, offset, length) => {
      if (written + length > afterBytes) {
        const room = afterBytes - written;
        if (room > 0) {
          written += realFs.writeSync(fd, buffer, offset, room);
          return room;
        }
        throw errno(code, 'write');
      }
      written += length;
      return realFs.writeSync(fd, buffer, offset, length);
    };
  } else {
    (fs as unknown as Record<string, () => never>)[call] = () => {
      throw errno(code, call);
    };
  }
  return fs;
}

/** The real file system, running `before` once just before the writer's first look at the target (an editor saving mid-run). */
export function meddling(before: () => void): WriterFs {
  let done = false;
  return {
    ...realFs,
    lstatSync: (p) => {
      if (!done) {
        done = true;
        before();
      }
      return realFs.lstatSync(p);
    },
  };
}

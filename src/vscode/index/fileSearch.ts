import * as vscode from 'vscode';

/**
 * How the index lists the workspace's files: VS Code's file search, and how long it may stay
 * silent before the views say so. A seam: the integration tests put in a search that never answers
 * (as code-server's did after a window switch, trial14b F6) and a short time.
 */
export interface FileSearch {
  find(include: vscode.GlobPattern, exclude: string, maxResults?: number): Thenable<vscode.Uri[]>;
  readonly silentAfterMs: number;
}

/** A workspace of thousands of files is listed in a few seconds; 20 s of silence is a search that is stuck. */
export const SEARCH_SILENT_AFTER_MS = 20_000;

export const workspaceFileSearch: FileSearch = {
  find: (include, exclude, maxResults) => vscode.workspace.findFiles(include, exclude, maxResults),
  silentAfterMs: SEARCH_SILENT_AFTER_MS,
};

/** The search's answer, or undefined when it gave none within `ms` (the search itself is not stopped). */
export function answerWithin<T>(answer: Thenable<T>, ms: number): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    answer.then((value) => {
      clearTimeout(timer);
      resolve(value);
    }, (e: unknown) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

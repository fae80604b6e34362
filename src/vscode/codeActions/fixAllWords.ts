/**
 * Why Fix All made no edit: nothing to fix, the fixes did not finish, the document changed while
 * they ran, or there is no post-mortem to fix. No `vscode` here: the words are unit-tested.
 */
export type FixAllNone = 'nothing' | 'unfinished' | 'changed' | 'no-editor';

/**
 * What "Fix All Auto-fixable Problems" says when it edits nothing, so that "nothing to fix" is told
 * apart from "the command did not run" (trial19a F4: it returned in silence in all four cases).
 * `name` is the file's workspace-relative path; `left` the post-mortem problems it still has.
 */
export function fixAllNoneMessage(why: FixAllNone, name: string, left = 0): string {
  switch (why) {
    case 'nothing':
      return left > 0
        ? `Fix All: no auto-fixable problems in ${name}; its ${left} problem${left === 1 ? ' needs' : 's need'} an edit by hand (see Problems).`
        : `Fix All: no problems to fix in ${name}.`;
    case 'unfinished':
      return `Fix All: the fixes for ${name} did not finish, so nothing was changed; the "Post-mortem" output says why.`;
    case 'changed':
      return `Fix All: ${name} changed while the fixes were computed, so nothing was changed; run Fix All again.`;
    case 'no-editor':
      return 'Fix All: open a post-mortem in the editor first (there is no active editor).';
  }
}

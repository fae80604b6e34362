import type * as vscode from 'vscode';

/** Decides whether a document is a post-mortem under the current settings. */
export type Recogniser = (doc: vscode.TextDocument) => boolean;

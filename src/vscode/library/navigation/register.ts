import * as vscode from 'vscode';
import type { Indexer } from '../../index/indexer';
import { IdResolver } from './idResolver';
import { IdDefinitionProvider, IdHoverProvider, IdLinkProvider, IdReferenceProvider, IdRenameProvider, PostmortemSymbolProvider } from './providers';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

/** Definition, references, hover, rename, document links for post-mortem ids, and Ctrl+T by title and id. */
export function registerIdNavigation(indexer: Indexer): vscode.Disposable {
  const ids = new IdResolver(indexer);
  return vscode.Disposable.from(
    ids,
    vscode.languages.registerDefinitionProvider(MARKDOWN, new IdDefinitionProvider(ids)),
    vscode.languages.registerReferenceProvider(MARKDOWN, new IdReferenceProvider(ids)),
    vscode.languages.registerHoverProvider(MARKDOWN, new IdHoverProvider(ids)),
    vscode.languages.registerRenameProvider(MARKDOWN, new IdRenameProvider(ids)),
    vscode.languages.registerDocumentLinkProvider(MARKDOWN, new IdLinkProvider(ids)),
    vscode.languages.registerWorkspaceSymbolProvider(new PostmortemSymbolProvider(ids)),
  );
}

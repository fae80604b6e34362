import * as vscode from 'vscode';
import { repositoryWebUrl, type TicketLinkOptions } from './ticketLink';

/** The part of the built-in Git extension's API read here (`vscode.git`, API version 1). */
interface GitApi {
  getRepository(uri: vscode.Uri): { state: { remotes: { name: string; fetchUrl?: string; pushUrl?: string }[] } } | null;
}

/**
 * What a ticket's address is made from, for a post-mortem file: the `postmortem.ticketUrls`
 * templates of its folder, and the repository's web address — from a github.dev / vscode.dev
 * workspace (`vscode-vfs://github/OWNER/REPO`) or from the `origin` remote the Git extension knows.
 * Synchronous: the tree asks for every row. The Git extension is only asked when it is already
 * active (activating it just to colour a tree row would start a git process).
 */
export function ticketOptionsFor(uri: vscode.Uri | undefined): TicketLinkOptions {
  const templates = vscode.workspace.getConfiguration('postmortem', uri ?? null).get<Record<string, string>>('ticketUrls', {}) ?? {};
  const repositoryUrl = uri ? repositoryOf(uri) : undefined;
  return { templates, ...(repositoryUrl ? { repositoryUrl } : {}) };
}

function repositoryOf(uri: vscode.Uri): string | undefined {
  if (uri.scheme === 'vscode-vfs' && /^github(\+|$)/.test(uri.authority)) {
    const [owner, repo] = uri.path.split('/').filter(Boolean);
    if (owner && repo) return `https://github.com/${owner}/${repo}`;
  }
  try {
    const git = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    if (!git?.isActive) return undefined;
    const remotes = git.exports.getAPI(1).getRepository(uri)?.state.remotes ?? [];
    const remote = remotes.find((r) => r.name === 'origin') ?? remotes[0];
    const url = remote?.fetchUrl ?? remote?.pushUrl;
    return url ? repositoryWebUrl(url) : undefined;
  } catch {
    return undefined; // The Git extension is disabled or changed its API: "#123" then needs a template.
  }
}

import * as vscode from 'vscode';
import type { TrackerCredentials, TrackerProvider } from '../../core/trackers';

const secretKey = (type: string, part: 'token' | 'email') => `postmortem.tracker.${type}.${part}`;

/**
 * Tokens for the trackers, never logged, written to files or shown: GitHub through VS Code's built-in
 * `github` sign-in (scope `repo`), unless a token was stored for it (GitHub Enterprise Server, a
 * fine-grained token); GitLab and Jira tokens in SecretStorage, asked for once with a password box.
 */
export class TrackerCredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** Undefined when the user cancelled a prompt or the sign-in. */
  async get(provider: TrackerProvider, trackerName: string): Promise<TrackerCredentials | undefined> {
    const stored = await this.secrets.get(secretKey(provider.type, 'token'));
    const storedEmail = provider.env.email ? await this.secrets.get(secretKey(provider.type, 'email')) : undefined;
    if (stored && (!provider.env.email || storedEmail)) return { token: stored, ...(storedEmail ? { email: storedEmail } : {}) };
    if (provider.type === 'github') {
      const session = await vscode.authentication.getSession('github', ['repo'], { createIfNone: { detail: `To create tickets in ${trackerName}.` } });
      return session ? { token: session.accessToken } : undefined;
    }
    let email = storedEmail;
    if (provider.env.email && !email) {
      email = await vscode.window.showInputBox({
        title: `${trackerName}: account e-mail`, prompt: 'The e-mail address of your Atlassian account (used with an API token).',
        ignoreFocusOut: true, validateInput: (v) => (/^[^\s@]+@\S+$/.test(v.trim()) ? undefined : 'Expected an e-mail address'),
      });
      if (!email) return undefined;
      email = email.trim();
    }
    const token = await vscode.window.showInputBox({
      title: `${trackerName}: token`, password: true, ignoreFocusOut: true,
      prompt: provider.type === 'gitlab'
        ? 'A GitLab access token with the "api" scope. Stored in VS Code\'s secret storage; asked for once.'
        : 'A Jira API token (id.atlassian.com → Security → API tokens). Stored in VS Code\'s secret storage; asked for once.',
    });
    if (!token?.trim()) return undefined;
    await this.store(provider.type, token.trim(), email);
    return { token: token.trim(), ...(email ? { email } : {}) };
  }

  /** Credentials without any prompt or sign-in dialog (periodic sync must not pop up a sign-in). */
  async hasQuietly(provider: TrackerProvider): Promise<boolean> {
    if (await this.secrets.get(secretKey(provider.type, 'token'))) return true;
    if (provider.type !== 'github') return false;
    return (await vscode.authentication.getSession('github', ['repo'], { silent: true })) !== undefined;
  }

  async store(type: string, token: string, email?: string): Promise<void> {
    await this.secrets.store(secretKey(type, 'token'), token);
    if (email) await this.secrets.store(secretKey(type, 'email'), email);
  }

  /** After a 401: the stored token is forgotten so the next command asks again. */
  async forget(type: string): Promise<void> {
    await this.secrets.delete(secretKey(type, 'token'));
  }
}

/** Where the token came from, for messages (never the token). */
export function tokenSource(provider: TrackerProvider): string {
  return provider.type === 'github' ? 'your GitHub sign-in (or the token stored with "Post-mortem: Set Tracker Token")' : `the ${provider.label} token stored in VS Code (run "Post-mortem: Set Tracker Token" to replace it)`;
}

// No `vscode` import: which tickets may be opened is unit-tested under plain Node.
import { trimEndWhile } from '../../core/text/trimChars';

export interface TicketLinkOptions {
  /** The repository's web address (`https://github.com/acme/payments`), when known: lets `#123` link to its issue. */
  readonly repositoryUrl?: string;
  /**
   * Address templates by key prefix, from the `postmortem.ticketUrls` setting:
   * `{ "OPS": "https://acme.atlassian.net/browse/{key}", "#": "https://github.com/acme/shop/issues/{number}" }`.
   * `{key}` is the whole key (`OPS-123`), `{number}` the part after the prefix (`123`).
   */
  readonly templates?: Readonly<Record<string, string>>;
}

/** A tracker key as the action-item grammar reads it: `OPS-123`, `PAY2-7`. */
const TRACKER_KEY = /^([A-Z][A-Z0-9_]{0,29})-(\d{1,12})$/;

/**
 * The web page to open for an action item's ticket, or undefined when it has none: a link written
 * in the item (the parser hands over the URL), a tracker key (`OPS-12`) with a template for its
 * prefix, or `#123` with a `#` template or a known repository. Only http(s) is ever opened, so a
 * ticket written as `javascript:`, `file:` or `command:` (which would run or read something) — or a
 * template that makes one — is refused.
 */
export function ticketLink(ticket: string, options: TicketLinkOptions = {}): string | undefined {
  const text = ticket.trim();
  const issue = /^#(\d{1,12})$/.exec(text);
  if (issue) {
    const template = templateFor('#', options.templates);
    if (template) return fill(template, text, issue[1]!);
    const repo = options.repositoryUrl ? webUrl(options.repositoryUrl) : undefined;
    return repo ? `${trimEndWhile(repo.href, (c) => c === '/')}/issues/${issue[1]}` : undefined;
  }
  const key = TRACKER_KEY.exec(text);
  if (key) {
    const template = templateFor(key[1]!, options.templates);
    return template ? fill(template, text, key[2]!) : undefined;
  }
  return webUrl(text)?.href;
}

/** Why a ticket cannot be opened, in words for a notification (undefined when it can). */
export function whyNoLink(ticket: string, options: TicketLinkOptions = {}): string | undefined {
  if (ticketLink(ticket, options)) return undefined;
  const text = ticket.trim();
  if (/^#\d+$/.test(text)) return `Ticket ${text} has no address: no repository is known. Add "#": "https://github.com/OWNER/REPO/issues/{number}" to the "postmortem.ticketUrls" setting.`;
  const key = TRACKER_KEY.exec(text);
  if (key) {
    const template = templateFor(key[1]!, options.templates);
    return template
      ? `The address template for ${key[1]} ("${template}") does not make an http(s) address.`
      : `Ticket ${text} has no address. Add "${key[1]}": "https://your-tracker/browse/{key}" to the "postmortem.ticketUrls" setting, or write the item's ticket as a link.`;
  }
  return `Ticket ${text} is not a web address (only http and https links are opened).`;
}

function templateFor(prefix: string, templates: TicketLinkOptions['templates']): string | undefined {
  if (!templates) return undefined;
  const exact = templates[prefix];
  if (typeof exact === 'string') return exact;
  // Keys are upper case in items; a setting written as "ops" should still apply.
  for (const [k, v] of Object.entries(templates)) if (typeof v === 'string' && k.toUpperCase() === prefix.toUpperCase()) return v;
  return undefined;
}

function fill(template: string, key: string, number: string): string | undefined {
  const url = template.replaceAll('{key}', encodeURIComponent(key)).replaceAll('{number}', number);
  return webUrl(url)?.href;
}

/** The parsed URL when `text` is an absolute http(s) address with a host; undefined for anything else. */
function webUrl(text: string): URL | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url : undefined;
}

/**
 * The web address of a repository from its git remote (`git@github.com:acme/shop.git`,
 * `ssh://git@host/group/app.git`, `https://host/acme/shop.git`), without credentials, or undefined
 * for a local path or any other scheme. Lets `#123` open on GitHub/GitLab without a setting.
 */
export function repositoryWebUrl(remote: string): string | undefined {
  const text = remote.trim();
  const scp = /^[\w.-]+@([\w.-]+):([\w./~-]+?)(?:\.git)?\/?$/.exec(text);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:', 'ssh:', 'git+ssh:'].includes(url.protocol) || !url.hostname) return undefined;
  const path = trimEndWhile(url.pathname.replace(/\.git\/?$/, ''), (c) => c === '/');
  return path.length > 1 ? `https://${url.hostname}${path}` : undefined;
}

// No `vscode` import: which tickets may be opened is unit-tested under plain Node.

export interface TicketLinkOptions {
  /** The repository's web address (`https://github.com/acme/payments`), when known: lets `#123` link to its issue. */
  readonly repositoryUrl?: string;
}

/**
 * The web page to open for an action item's ticket, or undefined when it has none: a tracker key
 * (`OPS-12`) has no address unless written as a link (the parser then hands over the URL), and
 * `#123` links only when the repository's address is known. Only http(s) is ever opened, so a
 * ticket written as `javascript:`, `file:` or `command:` (which would run or read something) is refused.
 */
export function ticketLink(ticket: string, options: TicketLinkOptions = {}): string | undefined {
  const text = ticket.trim();
  const issue = /^#(\d+)$/.exec(text);
  if (issue) {
    const repo = options.repositoryUrl ? webUrl(options.repositoryUrl) : undefined;
    return repo ? `${repo.href.replace(/\/+$/, '')}/issues/${issue[1]}` : undefined;
  }
  return webUrl(text)?.href;
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

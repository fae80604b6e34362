/**
 * Which URLs on an action item are its ticket. People paste runbooks, dashboards and webhooks into
 * items; taking every link as "the ticket" made `tickets create` skip those items as tracked
 * (trial 15a F8). A URL is a ticket when its path points at one issue of a tracker — GitHub and
 * Gitea `…/issues/12` and `…/pull/12`, GitLab `…/-/issues/12` and `…/merge_requests/12`, Jira
 * `…/browse/OPS-12`, Linear `…/issue/ENG-12`, Bugzilla `show_bug.cgi?id=12`, Azure DevOps
 * `…/_workitems/edit/12`, Trac/Zendesk `…/ticket(s)/12` — whatever the host (self-hosted
 * trackers included). Other URLs are text, unless written where a ticket goes (itemGrammar.ts).
 */
import { isTicketKey } from './ticketKeys';

/** Path words after which a number (or a key, for `browse` and `issue`) names one tracked issue. */
const NUMBERED = new Set(['issues', 'pull', 'pulls', 'merge_requests', 'tickets', 'ticket', 'work_items', 'bugs', 'bug']);
const KEYED = new Set(['browse', 'issue', 'issues', 'tickets']);

export function isTrackerUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.pathname.endsWith('/show_bug.cgi') && /^\d+$/.test(parsed.searchParams.get('id') ?? '')) return true;
  const parts = parsed.pathname.split('/').filter((p) => p !== '');
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1]!.toLowerCase();
    const part = parts[i]!;
    const number = /^\d+$/.test(part);
    if (number && (NUMBERED.has(before) || (before === 'edit' && parts[i - 2]?.toLowerCase() === '_workitems'))) return true;
    if (KEYED.has(before) && isTicketKey(part)) return true;
  }
  return false;
}

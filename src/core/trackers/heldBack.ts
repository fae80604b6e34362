/**
 * A ticket goes to a third party (often a public repository), so what it says runs through the same
 * secret and personal-data check as lint and imports: each value found is replaced by its
 * placeholder (`[redacted: github-token]`) before anything is sent, and the plan says what was held
 * back (kinds and count, never the values) for the preview and the report (trial 14a F30).
 */
import { KIND_INFO, type RedactionFinding, type RedactionKind } from '../redaction/kinds';
import { findInFileName } from '../redaction/fileName';
import { DEFAULT_REDACTION, type RedactionSettings } from '../redaction/config';
import { findSensitive, redactText } from '../redaction/scan';

/** What was kept out of one ticket. */
export interface HeldBack {
  /** How many values were replaced. */
  readonly count: number;
  /** Placeholder labels, once each, in order found (`github-token`, `phone`). */
  readonly labels: readonly string[];
  /** Whether any of them is a secret (a token or key: to be revoked, not only removed). */
  readonly secret: boolean;
}

/** Redacts the texts of one ticket, keeping count of what it replaced. */
export class TicketRedactor {
  private count = 0;
  private readonly labels: string[] = [];
  private readonly kinds = new Set<RedactionKind>();

  constructor(private readonly settings: RedactionSettings = DEFAULT_REDACTION) {}

  /** `text` with every secret and piece of personal data replaced by its placeholder. */
  clean(text: string): string {
    return this.redact(text, findSensitive(text, this.settings));
  }

  private redact(text: string, findings: readonly RedactionFinding[]): string {
    if (!findings.length) return text;
    for (const f of findings) {
      this.count++;
      this.kinds.add(f.kind);
      if (!this.labels.includes(f.label)) this.labels.push(f.label);
    }
    return redactText(text, findings);
  }

  /**
   * A file path with each `/`-separated name checked on its own (findInFileName): the address check
   * reads `postmortems/jane.doe@acme.com-outage.md` as a file in a folder (`po/ca@valencia.po`, no
   * mailbox), but a ticket carries the name to a third party all the same (trial15a F9).
   */
  cleanPath(path: string): string {
    return path.split('/').map((name) => this.redact(name, findInFileName(name, this.settings))).join('/');
  }

  /** What was replaced so far, or undefined when nothing was. */
  heldBack(): HeldBack | undefined {
    if (!this.count) return undefined;
    return { count: this.count, labels: [...this.labels], secret: [...this.kinds].some((k) => KIND_INFO[k].category === 'secret') };
  }
}

/**
 * The report's paragraph on what was held back from `tickets` tickets, or '' when nothing was:
 * that the values were sent as placeholders, that the post-mortem itself still holds them, and the
 * only way to send a value (allow it, as for lint), as there is no switch to post a secret.
 */
export function heldBackNote(held: readonly (HeldBack | undefined)[], file: string, hints: { readonly fix: string; readonly allow: string }): string {
  const some = held.filter((h): h is HeldBack => !!h);
  if (!some.length) return '';
  const values = some.reduce((n, h) => n + h.count, 0);
  const labels = [...new Set(some.flatMap((h) => h.labels))];
  const secret = some.some((h) => h.secret);
  return [
    `Held back ${values} secret or personal value${values === 1 ? '' : 's'} (${labels.join(', ')}) from ${some.length} ticket${some.length === 1 ? '' : 's'}: sent as [redacted: …], as a tracker is no place for them.`,
    `${file} itself still has ${values === 1 ? 'it' : 'them'}: ${hints.fix}${secret ? ' Revoke or rotate a token or key that was ever committed or shared.' : ''}`,
    `To send a value that is not sensitive, ${hints.allow}.`,
  ].join('\n');
}

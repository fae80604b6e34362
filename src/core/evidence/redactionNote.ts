import { KIND_INFO, type RedactionFinding } from '../redaction/kinds';

/** Kept values named in the note: enough to recognise them, not a dump of a log. */
const MAX_NAMED = 3;
const MAX_VALUE = 60;

/**
 * What Attach Evidence (editor) and `postmortem evidence add` say about one text file's secrets and
 * personal data: what was redacted in the copy (or, with redaction off, copied as it is), and what
 * was kept because the allow list lets it through — documentation addresses like
 * `jane@example.com` or `203.0.113.7` and the team's `redaction.allow` — so a kept e-mail or IP is
 * never silent (trial T24). One sentence each; none when there is nothing to say.
 */
export function evidenceRedactionNotes(fileName: string, text: string, found: readonly RedactionFinding[], allowed: readonly RedactionFinding[], redact: boolean, redactionOff = 'redaction is off'): string[] {
  const notes: string[] = [];
  if (found.length) {
    const list = countList(found);
    const secrets = found.some((f) => KIND_INFO[f.kind].category === 'secret');
    notes.push(redact
      ? `Redacted ${list} in the copy of ${fileName} (the original is unchanged).${secrets ? ' Revoke the secrets if they were shared anywhere else.' : ''}`
      : `${fileName} holds ${list}; copied as it is (${redactionOff}).${secrets ? ' Revoke the secrets: they are now in the repository.' : ''}`);
  }
  if (allowed.length) {
    const values = [...new Set(allowed.map((f) => text.slice(f.start, f.end)))];
    const named = values.slice(0, MAX_NAMED).map((v) => (v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE - 1)}…` : v)).join(', ');
    const more = values.length > MAX_NAMED ? ` and ${values.length - MAX_NAMED} more` : '';
    notes.push(`Kept ${countList(allowed)} in ${fileName} as written (${named}${more}): documentation addresses or values in redaction.allow, not redacted.`);
  }
  return notes;
}

/** `1 email, 2 ip-address`: each kind once, in the order first found. */
function countList(findings: readonly RedactionFinding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.label, (counts.get(f.label) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

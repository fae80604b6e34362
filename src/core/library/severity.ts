/** SEV1 = 1 … SEV9 = 9 (also `sev-2`, `Sev 3`); anything unreadable sorts after every severity (10). */
export function severityRank(severity: string | undefined): number {
  const m = severity ? /^sev[ -]?([0-9])$/i.exec(severity.trim()) : null;
  return m ? Number(m[1]) : 10;
}

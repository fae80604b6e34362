/**
 * How an owner is shown: `@kim`. An owner read from a table cell as written may be an e-mail
 * address (`lee@acme.com`); `@lee@acme.com` names no one that was written (trial 15a F5), so such an
 * owner is shown as written.
 */
export function ownerLabel(owner: string): string {
  return owner.includes('@') ? owner : `@${owner}`;
}

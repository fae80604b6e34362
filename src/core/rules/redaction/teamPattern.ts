import { redactionRule } from './redactionRule';

export const redactionTeamPattern = redactionRule(
  'team-pattern',
  'Values matching the team patterns in `redaction.patterns` (customer ids, account numbers) are redacted with the pattern name as placeholder.',
  'redact it, or add it to `redaction.allow` when it is meant to be there',
);

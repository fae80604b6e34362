import { redactionRule } from './redactionRule';

export const redactionGitlabToken = redactionRule(
  'gitlab-token',
  'GitLab tokens (`glpat-`, `gldt-`, `glrt-`, `glptt-`, `gloas-`, … + 20 or more characters) are redacted.',
  'revoke it at the provider (it has been seen) and redact it here',
);

import { redactionRule } from './redactionRule';

export const redactionGithubToken = redactionRule(
  'github-token',
  'GitHub access tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` + 36 characters, `github_pat_…`) are redacted.',
  'revoke it at the provider (it has been seen) and redact it here',
);

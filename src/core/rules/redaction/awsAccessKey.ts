import { redactionRule } from './redactionRule';

export const redactionAwsAccessKey = redactionRule(
  'aws-access-key',
  'AWS access key ids (`AKIA…`, `ASIA…` + 16 characters) are redacted.',
  'deactivate the key in IAM and redact it here',
);

import { redactionRule } from './redactionRule';

export const redactionAwsSecretKey = redactionRule(
  'aws-secret-key',
  'AWS secret access keys (40 characters) next to an access key id or after a name like `aws_secret_access_key` are redacted.',
  'deactivate the key in IAM and redact it here',
);

import pkg from '../../package.json';

const meta = pkg as { version: string; homepage?: string; repository?: string | { url?: string } };
const repository = typeof meta.repository === 'string' ? meta.repository : meta.repository?.url;

/** Name, version and home page (when package.json declares one) as SARIF and `--version` report them. */
export const TOOL: { name: string; version: string; informationUri?: string } = {
  name: 'postmortem',
  version: meta.version,
  ...(meta.homepage || repository ? { informationUri: (meta.homepage ?? repository ?? '').replace(/^git\+/, '').replace(/\.git$/, '') } : {}),
};

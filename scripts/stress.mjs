// `npm run stress`: the test/robustness suite at the sizes that find stack and memory limits
// (150,000 action items and timeline entries through the whole CLI). `npm test` runs it small.
import { spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const mocha = spawnSync(process.execPath, ['node_modules/mocha/bin/mocha.js', '--no-config', '--require', 'tsx/cjs', '--require', 'test/unit/setup/fastCheckSeed.ts', '--timeout', '900000', 'test/robustness/**/*.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PM_STRESS: '1' },
});
process.exit(mocha.status ?? 1);

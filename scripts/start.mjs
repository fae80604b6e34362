// `npm start`: build, then open examples/ in a real VS Code with the extension loaded.
// - With desktop VS Code on PATH (`code`), or VSCODE_EXECUTABLE set: `code --extensionDevelopmentPath`.
// - Otherwise: code-server on 127.0.0.1 (installed by test/vscode-harness/install.sh); prints the URL
//   to open in a browser and runs until Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folder = resolve(root, process.argv[2] ?? 'examples');

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--dev'], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);

const desktop = process.env.VSCODE_EXECUTABLE ?? (spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0 ? 'code' : undefined);
if (desktop && !process.env.PM_START_CODE_SERVER) {
  console.log(`Opening ${folder} in ${desktop} with the extension under development…`);
  const child = spawn(desktop, [`--extensionDevelopmentPath=${root}`, folder], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const { makeScratch, startCodeServer, codeServerBin } = await import('../test/vscode-harness/code-server.mjs');
  const { ensureHarness } = await import('../test/vscode-harness/ensure-installed.mjs');
  if (ensureHarness('`npm start` (no desktop VS Code on PATH)') !== 0 || !existsSync(codeServerBin)) {
    console.error('Could not install code-server (see above). Install desktop VS Code (`code` on PATH) or set VSCODE_EXECUTABLE, or run `bash test/vscode-harness/install.sh` as root.');
    process.exit(2);
  }
  const scratch = makeScratch('pm-start-');
  const server = await startCodeServer({ scratch, settings: { 'workbench.startupEditor': 'none' } });
  const html = await (await fetch(`${server.url}/`)).text();
  const config = /id="vscode-workbench-web-configuration"\s+data-settings="([^"]*)"/.exec(html)?.[1].replace(/&quot;/g, '"') ?? '{}';
  const authority = JSON.parse(config).remoteAuthority ?? new URL(server.url).host;
  const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${authority}${root}`]]);
  const url = `${server.url}/?${new URLSearchParams({ folder, payload })}`;
  console.log(`\nVS Code (code-server) with the Postmortem extension is running. Open this URL in a browser:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
  const stop = async () => {
    await server.stop();
    scratch.remove();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

import * as esbuild from 'esbuild';
import { createServer, type Server } from 'node:http';
import { copyFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildDiagramHtml, makeNonce } from '../../src/vscode/diagrams/webviewHtml';
import type { FromWebview, ToWebview } from '../../src/shared/protocol/messages';

/**
 * Serves the real diagram webview (the HTML builder the extension uses, with its CSP, and the
 * webview bundle built with the same esbuild options as scripts/build.mjs) over local http, and
 * drives it in Debian's Chromium. `acquireVsCodeApi` is stubbed by an init script, so the page's
 * own HTML stays byte-for-byte what the extension serves.
 */

// Tests and benches run from the repository root (npm scripts do); bundled benches have no import.meta.
const ROOT = resolve(process.cwd());
export const OUT = join(ROOT, 'test-results');
export const SCREENSHOTS = join(OUT, 'screenshots');
const BUNDLE = join(OUT, 'webview-build');

let built: Promise<void> | undefined;
export function buildWebview(): Promise<void> {
  built ??= esbuild.build({
    entryPoints: [join(ROOT, 'webview/diagram/main.ts')], outdir: join(BUNDLE, 'media/dist/diagram'),
    bundle: true, platform: 'browser', format: 'esm', splitting: true, minify: true, target: 'es2022', logLevel: 'warning',
  }).then(() => {
    // The icon font, copied as scripts/build.mjs does.
    const codicons = join(BUNDLE, 'media/dist/codicons');
    mkdirSync(codicons, { recursive: true });
    for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join(ROOT, 'node_modules/@vscode/codicons/dist', file), join(codicons, file));
  });
  return built;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.ttf': 'font/ttf' };

export interface WebviewServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Every request for `/` gets a fresh page with a fresh nonce, like every panel in VS Code. */
export async function serveWebview(): Promise<WebviewServer> {
  await buildWebview();
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(buildDiagramHtml({
        cspSource: origin, nonce: makeNonce(), title: 'Diagram',
        scriptUri: `${origin}/media/dist/diagram/main.js`, styleUri: `${origin}/media/dist/diagram/main.css`,
        codiconUri: `${origin}/media/dist/codicons/codicon.css`,
      }));
      return;
    }
    const file = normalize(join(BUNDLE, path));
    if (!file.startsWith(BUNDLE) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    close: () => new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    }),
  };
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * Runs in the page before its own scripts: the VS Code API stand-in and the CSP-violation log.
 * A string, not a function: tsx would add helper calls to a function's source that the page lacks.
 */
export const INIT = `(() => {
  const posted = [];
  const violations = [];
  window.__posted = posted;
  window.__violations = violations;
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));
  let state;
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => posted.push(JSON.parse(JSON.stringify(m))),
    getState: () => state,
    setState: (s) => { state = s; },
  });
})();`;

/** A dark VS Code palette (VS Code injects these variables into every webview). */
export const DARK_VARS: Record<string, string> = {
  '--vscode-editor-background': '#1e1e1e', '--vscode-foreground': '#cccccc', '--vscode-font-family': 'Liberation Sans, sans-serif',
  '--vscode-button-secondaryBackground': '#3a3d41', '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-list-activeSelectionBackground': '#04395e', '--vscode-list-inactiveSelectionBackground': '#37373d',
  '--vscode-badge-background': '#4d4d4d', '--vscode-badge-foreground': '#ffffff', '--vscode-focusBorder': '#007fd4',
  '--vscode-input-background': '#3c3c3c', '--vscode-input-foreground': '#cccccc', '--vscode-dropdown-background': '#3c3c3c',
  '--vscode-dropdown-foreground': '#f0f0f0', '--vscode-panel-border': '#80808059', '--vscode-editorError-foreground': '#f14c4c',
  '--vscode-editorWarning-foreground': '#cca700', '--vscode-errorForeground': '#f48771', '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-textBlockQuote-background': '#222222', '--vscode-editorInfo-foreground': '#3794ff',
  // What @vscode-elements/elements reads (section headers, selects, menus, the splitter).
  '--vscode-sideBar-background': '#181818', '--vscode-sideBarSectionHeader-background': '#181818', '--vscode-sideBarTitle-foreground': '#cccccc',
  '--vscode-settings-dropdownBackground': '#313131', '--vscode-settings-dropdownForeground': '#cccccc', '--vscode-settings-dropdownBorder': '#3c3c3c',
  '--vscode-menu-background': '#1f1f1f', '--vscode-menu-foreground': '#cccccc', '--vscode-menu-border': '#454545',
  '--vscode-editorWidget-border': '#454545', '--vscode-icon-foreground': '#cccccc', '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff',
};
export const LIGHT_VARS: Record<string, string> = {
  ...DARK_VARS, '--vscode-editor-background': '#ffffff', '--vscode-foreground': '#3b3b3b',
  '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b',
  '--vscode-list-activeSelectionBackground': '#cce4f7', '--vscode-list-inactiveSelectionBackground': '#e4e6f1',
  '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#333333', '--vscode-input-background': '#ffffff',
  '--vscode-input-foreground': '#3b3b3b', '--vscode-dropdown-background': '#ffffff', '--vscode-dropdown-foreground': '#3b3b3b',
  '--vscode-textBlockQuote-background': '#f2f2f2', '--vscode-descriptionForeground': '#717171',
  '--vscode-sideBar-background': '#f8f8f8', '--vscode-sideBarSectionHeader-background': '#f8f8f8', '--vscode-sideBarTitle-foreground': '#3b3b3b',
  '--vscode-settings-dropdownBackground': '#ffffff', '--vscode-settings-dropdownForeground': '#3b3b3b', '--vscode-settings-dropdownBorder': '#cecece',
  '--vscode-menu-background': '#ffffff', '--vscode-menu-foreground': '#3b3b3b', '--vscode-menu-border': '#cecece',
  '--vscode-editorWidget-border': '#c8c8c8', '--vscode-icon-foreground': '#3b3b3b',
};

export interface WebviewPage {
  readonly page: Page;
  send(message: ToWebview | Record<string, unknown>): Promise<void>;
  posted(): Promise<FromWebview[]>;
  violations(): Promise<string[]>;
  /** Resolves with the detail of the next `pm-drawn` event that `trigger` causes. */
  nextDrawing(trigger: () => Promise<unknown>): Promise<{ ok: boolean; renderMs: number; sinceAction?: number }>;
  /** Resolves with the next message of `type` the page posts after `trigger`. */
  nextPosted<T extends FromWebview['type']>(type: T, trigger: () => Promise<unknown>): Promise<Extract<FromWebview, { type: T }>>;
}

export async function openWebview(browser: Browser, url: string, theme: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast' = 'vscode-dark'): Promise<WebviewPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript({ content: INIT });
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.goto(url);
  const vars = theme === 'vscode-light' ? LIGHT_VARS : DARK_VARS;
  await page.evaluate(({ theme, vars }) => {
    document.body.className = theme;
    for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
  }, { theme, vars });
  await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
  const send = (message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);
  const posted = () => page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted);
  return {
    page,
    send,
    posted,
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    async nextDrawing(trigger) {
      // Install the listener and wait until it is in place before triggering: CDP does not order
      // an evaluate against input events, and a fast drawing could otherwise slip past.
      await page.evaluate(() => {
        const w = window as unknown as { __nextDrawn?: Promise<unknown> };
        w.__nextDrawn = new Promise((ok) => window.addEventListener('pm-drawn', (e) => ok((e as CustomEvent).detail), { once: true }));
      });
      await trigger();
      return page.evaluate(() => (window as unknown as { __nextDrawn: Promise<{ ok: boolean; renderMs: number; sinceAction?: number }> }).__nextDrawn);
    },
    async nextPosted(type, trigger) {
      const before = (await posted()).length;
      await trigger();
      const handle = await page.waitForFunction(({ before, type }) => {
        const all = (window as unknown as { __posted: { type: string }[] }).__posted;
        return all.slice(before).find((m) => m.type === type);
      }, { before, type });
      return (await handle.jsonValue()) as never;
    },
  };
}

type Theme = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast';

/**
 * For a mocha suite: serves the diagram page and starts Chromium once (before/after hooks), and
 * returns `open(theme)` for a fresh page per test.
 */
export function useDiagramWebview(): { open(theme?: Theme): Promise<WebviewPage> } {
  let server: WebviewServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await serveWebview();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return { open: (theme) => openWebview(browser!, server!.url, theme) };
}

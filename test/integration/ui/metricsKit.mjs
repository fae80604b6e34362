// What the metrics dashboard's UI check scripts share (metricsChecks.mjs, metricsThemeChecks.mjs):
// opening the dashboard from the palette, its webview's frame, and picking an option of its selects.
import { runCommand, selectors } from '../../vscode-harness/workbench.mjs';
import { waitForContributions } from './uiKit.mjs';

/** The dashboard's page inside its webview (one webview open at a time). */
export function dashboardFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/**
 * "Post-mortem: Show Metrics" from the palette, then waits for the dashboard's tab and for its page
 * to say it has drawn. The palette lists the command only once the workbench has the extension's
 * contributions (in the web-worker host, and under load, that is a while after the workbench
 * draws): wait for them instead of retrying the palette.
 */
export async function showMetrics(page) {
  await waitForContributions(page);
  await runCommand(page, 'Post-mortem: Show Metrics');
  await page.locator(selectors.editorTab, { hasText: 'Post-mortem Metrics' }).first().waitFor({ state: 'visible', timeout: 20_000 });
  const frame = dashboardFrame(page);
  await frame.locator('body[data-state="rendered"]').waitFor({ timeout: 60_000 });
  return frame;
}

/** Picks an option of a vscode-single-select (@vscode-elements/elements) as a person does: open it, click the option. */
export async function choose(frame, id, label) {
  const select = frame.locator(`vscode-single-select#${id}`);
  await select.click();
  await select.getByRole('option', { name: label, exact: true }).click({ timeout: 10_000 });
}

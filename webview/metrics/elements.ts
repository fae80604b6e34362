/**
 * The @vscode-elements/elements components the dashboard uses (the maintained successor of the
 * archived @vscode/webview-ui-toolkit, as in the diagram editor): the period and window selects.
 * Imported by the entry only, so the dashboard's page code also runs in jsdom for the unit tests.
 */
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';

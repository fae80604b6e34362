/**
 * The @vscode-elements/elements components the diagram editor uses (the maintained successor of the
 * archived @vscode/webview-ui-toolkit). Imported one by one so the bundle carries only these; each
 * import registers its custom element. They style themselves from VS Code's theme variables
 * (light, dark, high contrast) with constructed stylesheets, which the page's CSP allows.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-context-menu/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-split-layout/index.js';

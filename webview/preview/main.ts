import mermaid from 'mermaid';
import { mermaidConfig, themeKindOf, type ThemeKind } from '../shared/mermaidConfig';
import { previewSource } from './previewSource';

/**
 * Script for VS Code's built-in Markdown preview (`markdown.previewScripts`): draws every ```mermaid
 * block with the bundled Mermaid and the same pinned, strict configuration as the diagram editor,
 * in the preview's theme. VS Code loads it as a classic script and fires
 * `vscode.markdown.updateContent` on the window whenever the preview's content changes.
 */

const OUTPUT_CLASS = 'postmortem-mermaid';
let theme: ThemeKind | undefined;
let counter = 0;
let queued = false;
let running: Promise<void> = Promise.resolve();

async function drawAll(): Promise<void> {
  const next = themeKindOf(document.body);
  if (next !== theme) {
    theme = next;
    mermaid.initialize(mermaidConfig(theme));
  }
  for (const code of [...document.querySelectorAll<HTMLElement>('pre > code.language-mermaid')]) {
    const pre = code.parentElement!;
    const source = code.textContent ?? '';
    let out = pre.nextElementSibling as HTMLElement | null;
    if (!out || !out.classList.contains(OUTPUT_CLASS)) {
      out = document.createElement('div');
      out.className = OUTPUT_CLASS;
      pre.after(out);
    }
    if (out.dataset.source === source && out.dataset.theme === theme) continue;
    out.dataset.source = source;
    out.dataset.theme = theme;
    counter += 1;
    try {
      const { svg } = await mermaid.render(`postmortem-preview-${counter}`, previewSource(source));
      out.innerHTML = svg;
      pre.hidden = true;
    } catch (err) {
      document.getElementById(`dpostmortem-preview-${counter}`)?.remove();
      // Leave the source visible and say why it is not drawn (as text: the message may quote user input).
      out.textContent = `Mermaid could not draw this diagram: ${err instanceof Error ? err.message : String(err)}`;
      out.classList.add('error');
      pre.hidden = false;
    }
  }
}

/** Coalesces bursts of updates (typing) into one pass at a time. */
function schedule(): void {
  if (queued) return;
  queued = true;
  running = running.then(() => {
    queued = false;
    return drawAll();
  }).catch((err: unknown) => console.error('postmortem preview:', err));
}

window.addEventListener('vscode.markdown.updateContent', schedule);
new MutationObserver(schedule).observe(document.body, { attributes: true, attributeFilter: ['class'] });
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', schedule);
else schedule();

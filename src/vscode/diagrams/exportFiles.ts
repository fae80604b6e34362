import type { ExportFormat } from '../../shared/protocol/messages';

/**
 * Where an exported drawing goes: next to the post-mortem, named after it and the block
 * (`2026-11-20-checkout.diagram-2.svg`). Pure path logic on URI paths (always `/`-separated).
 */
export function exportPath(documentPath: string, blockIndex: number, format: ExportFormat): string {
  const slash = documentPath.lastIndexOf('/');
  const dir = documentPath.slice(0, slash + 1);
  const file = documentPath.slice(slash + 1);
  const base = file.replace(/\.(md|markdown)$/i, '');
  return `${dir}${base}.diagram-${blockIndex + 1}.${format}`;
}

/** PNG bytes from base64 without Node's Buffer (this also runs in the web extension host). */
export function decodeBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

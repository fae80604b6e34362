import { JSDOM } from 'jsdom';

export interface MermaidApi {
  parse(text: string): Promise<unknown>;
  initialize(config: object): void;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: unknown }> };
}

/**
 * Mermaid's own parser in plain Node, for a `describe` block: jsdom's window and document are set as
 * globals before mermaid is first imported (its DOMPurify needs them) and removed afterwards, so
 * other suites in the same mocha process never see a browser-like global. Returns a getter.
 */
export function useMermaidInJsdom(): () => MermaidApi {
  let mermaid: MermaidApi | undefined;
  const saved = { window: Reflect.get(globalThis, 'window'), document: Reflect.get(globalThis, 'document') };
  before(async () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    mermaid = (await import('mermaid')).default as unknown as MermaidApi;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  });
  after(() => {
    Object.assign(globalThis, saved);
    if (saved.window === undefined) Reflect.deleteProperty(globalThis, 'window');
    if (saved.document === undefined) Reflect.deleteProperty(globalThis, 'document');
  });
  return () => {
    if (!mermaid) throw new Error('mermaid is not loaded yet (use the getter inside a test)');
    return mermaid;
  };
}

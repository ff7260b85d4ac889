import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * axe-core on the sidebar, wherever its shadow root is and whatever its mode.
 *
 * A closed shadow root cannot be entered from the page's main world (nor from
 * Playwright's selectors), so axe runs in an isolated world of our own made
 * through CDP (Page.createIsolatedWorld): CDP's DOM domain sees closed shadow
 * roots (`pierce: true`), and DOM.resolveNode hands the sidebar's root element
 * to that world, where axe.run gets it as its context. The page's world and
 * the extension's world are never touched.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findSidebarRoot(node: DomNode): DomNode | null {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-testid' && attrs[i + 1] === 'inbox-pilot-sidebar') return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findSidebarRoot(child);
    if (found) return found;
  }
  return null;
}

/** Serious and critical violations only (the bar set for the extension). */
export function seriousOnes(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function axeSidebar(page: Page): Promise<AxeViolation[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'inbox-pilot-axe' });
    await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE, contextId: executionContextId });
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const sidebar = findSidebarRoot(root);
    if (!sidebar) throw new Error('No Inbox Pilot sidebar in the page (looked through every shadow root)');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: sidebar.backendNodeId, executionContextId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `async function () {
        const r = await axe.run(this, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.html.slice(0, 160)) }));
      }`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`axe failed in the isolated world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as AxeViolation[];
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { isolatedWorld } from './sidebar-locator.mjs';

/**
 * axe-core on the sidebar, inside its CLOSED shadow root.
 *
 * Only the content script's isolated world holds the root (its handle
 * `globalThis.__inboxPilotSidebarRoot`, see components/sidebar/mount.tsx); no
 * other world can reach it, not even one made through CDP (`host.shadowRoot` is
 * null there and axe finds nothing to test). So axe's source is evaluated in
 * that world (tests/e2e/sidebar-locator.mjs `isolatedWorld`) and runs on the
 * sidebar element inside the root.
 *
 * axe builds its tree from the document down, entering shadow roots through
 * `host.shadowRoot`, which a closed root answers with null. For the run only,
 * the host gets an own `shadowRoot` property returning the root, on its wrapper
 * of this world (the page's world never sees it), removed afterwards.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ROOT_HANDLE = 'globalThis.__inboxPilotSidebarRoot';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Serious and critical violations only (the bar set for the extension). */
export function seriousOnes(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

type Outcome = { violations: AxeViolation[] } | { error: string };

export async function axeSidebar(page: Page): Promise<AxeViolation[]> {
  const evaluate = await isolatedWorld(page);
  // The evaluator answers undefined when the world is missing or the script threw.
  const loaded = await evaluate(`${AXE_SOURCE}\n;typeof axe`);
  if (loaded !== 'object') throw new Error(`axe-core could not be loaded in the content script's isolated world (${String(loaded)})`);
  const outcome = (await evaluate(`(async () => {
    const root = ${ROOT_HANDLE};
    const sidebar = root && root.host && root.host.isConnected ? root.querySelector('[data-testid="inbox-pilot-sidebar"]') : null;
    if (!sidebar) return { error: 'No Inbox Pilot sidebar in its shadow root' };
    const host = root.host;
    Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => root });
    try {
      const r = await axe.run(sidebar, { resultTypes: ['violations'] });
      return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.html.slice(0, 160)) })) };
    } catch (e) {
      return { error: String(e && e.stack || e) };
    } finally {
      delete host.shadowRoot;
    }
  })()`)) as Outcome | undefined;
  if (!outcome) throw new Error("axe failed in the isolated world: the content script's world went away");
  if ('error' in outcome) throw new Error(`axe failed in the isolated world: ${outcome.error}`);
  return outcome.violations;
}

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { sidebarFrame } from './sidebar-locator.mjs';

/**
 * axe-core on the sidebar, in its frame (an extension page the content script puts beside the inbox,
 * components/sidebar/page-host.ts). The page's own scripts cannot reach it; DevTools can: axe's source is
 * evaluated in the frame (tests/e2e/sidebar-locator.mjs `sidebarFrame`) and runs on the sidebar element.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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
  const found = await sidebarFrame(page);
  if (!found) throw new Error('axe: no Inbox Pilot sidebar frame on the page');
  const loaded = await found.frame.evaluate(`${AXE_SOURCE}\n;typeof axe`);
  if (loaded !== 'object') throw new Error(`axe-core could not be loaded in the sidebar's frame (${String(loaded)})`);
  const outcome = (await found.frame.evaluate(`(async () => {
    const sidebar = document.querySelector('[data-testid="inbox-pilot-sidebar"]');
    if (!sidebar) return { error: 'No Inbox Pilot sidebar in its frame' };
    try {
      const r = await axe.run(sidebar, { resultTypes: ['violations'] });
      return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.html.slice(0, 160)) })) };
    } catch (e) {
      return { error: String(e && e.stack || e) };
    }
  })()`)) as Outcome | undefined;
  if (!outcome) throw new Error('axe failed in the sidebar frame: it went away');
  if ('error' in outcome) throw new Error(`axe failed in the sidebar frame: ${outcome.error}`);
  return outcome.violations;
}

// Helpers shared by the reliability and security e2e specs: open the sim inbox
// with extra init scripts, and collect every uncaught exception and every
// console error in ANY JavaScript world of the page (main world, the content
// script's isolated world) through CDP, since Playwright's `pageerror` only
// sees the main world.
import type { CDPSession, Page } from 'playwright-core';
import { evaluateInSidebar, inboxUrl, sidebar, type E2EBrowser, type InboxOptions } from './harness';

export interface WorldProblem {
  world: string;
  kind: 'exception' | 'console.error' | 'console.warn';
  text: string;
}

export interface WatchedPage {
  page: Page;
  cdp: CDPSession;
  /** Uncaught exceptions and console errors, by world. */
  problems: WorldProblem[];
}

export async function openWatchedInbox(browser: E2EBrowser, options: InboxOptions, initScripts: string[] = []): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const worlds = new Map<number, string>();
  const problems: WorldProblem[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    worlds.set(context.id, context.origin.startsWith('chrome-extension://') ? 'extension' : context.name ? `isolated:${context.name}` : 'main');
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    const world = worlds.get(d.executionContextId ?? -1) ?? (/chrome-extension:\/\//.test(JSON.stringify(d.stackTrace ?? '')) ? 'extension' : 'main');
    problems.push({ world, kind: 'exception', text: `${d.exception?.description ?? d.text} ${d.url ?? ''}:${d.lineNumber}` });
  });
  cdp.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
    if (type !== 'error' && type !== 'warning') return;
    const text = args.map((a) => a.value ?? a.description ?? '').join(' ');
    if (/Failed to load resource|ERR_BLOCKED_BY_CLIENT/.test(text)) return;
    problems.push({ world: worlds.get(executionContextId) ?? 'unknown', kind: type === 'error' ? 'console.error' : 'console.warn', text });
  });
  await cdp.send('Runtime.enable');
  for (const content of initScripts) await page.addInitScript({ content });
  await page.goto(inboxUrl(options));
  await page.waitForFunction(() => '__sim' in window);
  return { page, cdp, problems };
}

/** The sidebar frame's content, as text. */
export async function sidebarText(page: Page): Promise<string> {
  return (await evaluateInSidebar(page, (root) => root?.textContent ?? '')) ?? '';
}

/** Waits until the sidebar has rendered its feature sections (features started, or failed visibly). */
export async function waitForFeatures(page: Page, timeout = 20_000): Promise<void> {
  await sidebar(page).locator('section.ip-section').first().waitFor({ state: 'attached', timeout });
}

/** Types into Meta's composer like an agent and presses Enter; returns what the sim says it sent. */
export async function sendWithComposer(page: Page, text: string) {
  const before = await page.evaluate(() => window.__sim.sentMessages().length);
  await page.click('[contenteditable="true"][role="textbox"]');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => window.__sim.sentMessages().length > n, before, { timeout: 5_000 });
  return page.evaluate(() => window.__sim.sentMessages().at(-1)!);
}

// Typed entry point of the e2e harness for specs (the implementation is plain
// ESM so scripts/demo.mjs can use it without a build). See browser.mjs.
export { inner } from './sidebar-locator.mjs';
export { launch, inboxUrl, sidebar, sidebarShadow, sidebarFrame, evaluateInSidebar, isolatedWorld, findChrome, PAGE_ID, EXTENSION_DIR, FIXTURES_DIR, ROOT } from './browser.mjs';
export type { RequestRecord, ErrorRecord, LaunchOptions, InboxOptions } from './browser.mjs';
import type { Page } from 'playwright-core';

/** What `launch()` resolves to. */
export type E2EBrowser = Awaited<ReturnType<typeof import('./browser.mjs').launch>>;

/** A conversation's channel in the simulated inbox. */
export type SimPlatform = 'messenger' | 'instagram_direct' | 'whatsapp' | 'comment';

/** One message of the sim's model (`messages(id)`; `truth()` adds conversationId and platform, and drops text for attachments). */
export interface SimMessage {
  side: 'customer' | 'page' | 'system';
  text: string;
  /** The sender label: the agent's name, "Meta AI", "Automated response"…, null for customers. */
  agent: string | null;
  at: number;
  /** Meta's `mid.$…` (system rows have none). */
  messageId?: string;
  kind: 'text' | 'attachment' | 'system';
  unsent?: true;
  reaction?: string;
  automated?: true;
}

export interface SimTruthEntry extends Omit<SimMessage, 'text' | 'side'> {
  conversationId: string;
  platform: SimPlatform;
  side: 'customer' | 'page';
  messageId: string;
  text?: string;
}

/** The simulated inbox's main-world API (tests/fixtures/inbox/README.md). */
export interface SimApi {
  layout(): '2026' | '2025-11';
  list(): Array<{ id: string; name: string; unread: boolean; lastFrom: 'customer' | 'page' | null; lastAt: number | null; preview: string; done: boolean; followUp: boolean; windowOpen: boolean; platform: SimPlatform; labels: string[] }>;
  all(): Array<{ id: string; name: string; done: boolean; platform: SimPlatform; lastFrom: 'customer' | 'page' | null; lastAt: number | null }>;
  open(): string | null;
  openConversation(id: string): boolean;
  addCustomerMessage(id: string | 'new', text: string, options?: { ageMinutes?: number }): string;
  customerAttachment(id: string, kind?: 'photo' | 'file'): string;
  /** The customer reacts to the Page's last message; returns that message's id. */
  react(id: string, emoji?: string): string;
  /** The customer unsends their last message; returns its id. */
  unsend(id: string): string;
  agentReply(id: string, text: string, agentName: string): string;
  autoReply(id: string, text?: string): string;
  metaAiReply(id: string, text?: string): string;
  /** A system row: a kind ('assigned' | 'resolved' | 'ad' | 'lead-stage' | 'call' | 'improve-ai', localized) or literal text. */
  systemEvent(id: string, textOrKind: string, details?: { actor?: string; target?: string; stage?: string }): void;
  closeWindow(id: string): void;
  openWindow(id: string): void;
  setSpeed(speed: 'normal' | 'fast' | 'off'): void;
  speed(): 'normal' | 'fast' | 'off';
  setUrlDrops(mode: 'always' | 'never' | 'seeded'): void;
  dropsUrl(id: string): boolean;
  flakyNextSend(): void;
  sentMessages(): Array<{ conversationId: string; text: string; agent: string; at: number; messageId: string }>;
  actions(): Array<{ action: 'done' | 'follow-up' | 'unread'; conversationId: string; source: 'grid' | 'row' | 'header'; at: number }>;
  truth(): SimTruthEntry[];
  composerText(): string;
  messages(id: string): SimMessage[];
  me(): string;
  locale(): 'en' | 'fr';
  burst(n: number): number;
  /** Runs the 30-s ageing refresh now (list and open thread re-rendered, reconciled as React does). */
  refresh(): void;
}

declare global {
  interface Window {
    __sim: SimApi;
  }
}

/** The kinds of the page's DOM mutations (childList, attributes, characterData) made by one `__sim.refresh()`. */
export function mutationsOfRefresh(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen: string[] = [];
    const mo = new MutationObserver((rs) => seen.push(...rs.map((r) => r.type)));
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    window.__sim.refresh();
    seen.push(...mo.takeRecords().map((r) => r.type));
    mo.disconnect();
    return seen;
  });
}

// Typed entry point of the e2e harness for specs (the implementation is plain
// ESM so scripts/demo.mjs can use it without a build). See browser.mjs.
export { launch, inboxUrl, sidebar, sidebarShadow, evaluateInSidebar, isolatedWorld, findChrome, PAGE_ID, EXTENSION_DIR, FIXTURES_DIR, ROOT } from './browser.mjs';
export type { RequestRecord, ErrorRecord, LaunchOptions, InboxOptions } from './browser.mjs';

/** What `launch()` resolves to. */
export type E2EBrowser = Awaited<ReturnType<typeof import('./browser.mjs').launch>>;

/** The simulated inbox's main-world API (tests/fixtures/inbox/README.md). */
export interface SimApi {
  list(): Array<{ id: string; name: string; unread: boolean; lastFrom: 'customer' | 'page' | null; lastAt: number | null; preview: string; done: boolean; followUp: boolean; windowOpen: boolean; platform: string }>;
  all(): Array<{ id: string; name: string; done: boolean }>;
  open(): string | null;
  openConversation(id: string): boolean;
  addCustomerMessage(id: string | 'new', text: string, options?: { ageMinutes?: number }): string;
  agentReply(id: string, text: string, agentName: string): string;
  autoReply(id: string, text?: string): string;
  systemEvent(id: string, text: string): void;
  closeWindow(id: string): void;
  openWindow(id: string): void;
  setSpeed(speed: 'normal' | 'fast' | 'off'): void;
  speed(): 'normal' | 'fast' | 'off';
  sentMessages(): Array<{ conversationId: string; text: string; agent: string; at: number }>;
  actions(): Array<{ action: 'done' | 'follow-up' | 'unread'; conversationId: string; at: number }>;
  composerText(): string;
  messages(id: string): Array<{ side: 'customer' | 'page' | 'system'; text: string; agent: string | null; at: number }>;
  me(): string;
  locale(): 'en' | 'fr';
  burst(n: number): number;
}

declare global {
  interface Window {
    __sim: SimApi;
  }
}

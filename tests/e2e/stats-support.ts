// Helpers shared by the stats e2e specs and the accuracy benchmark's checks: what the extension
// stored (read from its IndexedDB through an extension page) and what really happened (the
// simulated inbox's own log).
import type { Page } from 'playwright-core';

export interface StoredResponse {
  id: string;
  pageId: string;
  conversation: string;
  customerAt: number;
  /** An approximate customer time's interval end. */
  customerLatest?: number;
  repliedAt: number;
  agent: string;
  responseSeconds: number;
  source: string;
  precision: 'exact' | 'approximate';
}

/** Every stored response, read with plain IndexedDB from an extension page (e.g. the popup). */
export async function storedResponses(extensionPage: Page): Promise<StoredResponse[]> {
  return extensionPage.evaluate(async () => {
    const exists = (await indexedDB.databases()).some((d) => d.name === 'inbox-pilot-stats');
    if (!exists) return [];
    return new Promise<StoredResponse[]>((resolve, reject) => {
      const open = indexedDB.open('inbox-pilot-stats');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('responses')) return resolve([]);
        const get = db.transaction('responses').objectStore('responses').getAll();
        get.onsuccess = () => {
          resolve(get.result as StoredResponse[]);
          db.close();
        };
        get.onerror = () => reject(get.error);
      };
    });
  });
}

/** Waits until at least `count` responses of these conversations are stored; returns them. */
export async function waitForResponses(extensionPage: Page, conversations: string[], count: number, timeout = 20_000): Promise<StoredResponse[]> {
  const started = Date.now();
  let found: StoredResponse[] = [];
  while (Date.now() - started < timeout) {
    found = (await storedResponses(extensionPage)).filter((r) => conversations.includes(r.conversation));
    if (found.length >= count) return found;
    await extensionPage.waitForTimeout(300);
  }
  return found;
}

export interface TrueResponse {
  conversation: string;
  customerAt: number;
  repliedAt: number;
  agent: string | null;
}

/**
 * The responses that really happened in a conversation, from the sim's log (`__sim.messages`),
 * with the stats' definition: the first Page reply after the customer's first unanswered message.
 * The one place that reads the truth, so it can move to the rebuilt sim's `truth()` log.
 */
export async function trueResponses(page: Page, conversation: string): Promise<TrueResponse[]> {
  const messages = await page.evaluate((id) => window.__sim.messages(id), conversation);
  const out: TrueResponse[] = [];
  let waitingSince: number | null = null;
  for (const m of messages) {
    if (m.side === 'customer') waitingSince ??= m.at;
    else if (m.side === 'page' && waitingSince !== null) {
      out.push({ conversation, customerAt: waitingSince, repliedAt: m.at, agent: m.agent });
      waitingSince = null;
    } else if (m.side === 'page') waitingSince = null;
  }
  return out;
}

/** Exact: the customer's time within this many ms of the truth (the p95 aim is 2 s). */
export const EXACT_TOLERANCE_MS = 2_000;

/** Whether a stored response tells the truth about one that happened (same reply; honest customer time). */
export function agrees(stored: StoredResponse, truth: TrueResponse): boolean {
  if (Math.abs(stored.repliedAt - truth.repliedAt) > EXACT_TOLERANCE_MS) return false;
  if (stored.precision === 'exact') return Math.abs(stored.customerAt - truth.customerAt) <= EXACT_TOLERANCE_MS;
  // An approximate customer time is the stored interval [customerAt, customerLatest] (issue 16); the same
  // tolerance as exact times at both ends. A record without an end has a point for an interval.
  return truth.customerAt >= stored.customerAt - EXACT_TOLERANCE_MS && truth.customerAt <= (stored.customerLatest ?? stored.customerAt) + EXACT_TOLERANCE_MS;
}

/** The stored response for a true one (same conversation, reply within tolerance), if any. */
export function storedFor(stored: StoredResponse[], truth: TrueResponse): StoredResponse | undefined {
  return stored.find((s) => s.conversation === truth.conversation && Math.abs(s.repliedAt - truth.repliedAt) <= EXACT_TOLERANCE_MS);
}

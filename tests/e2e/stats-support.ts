// Reading what the extension stored, for e2e specs that check recorded responses
// (stats.e2e.ts, inbox-2026.e2e.ts).
import type { Page } from 'playwright-core';

export interface Stored {
  id: string;
  pageId: string;
  conversation: string;
  agent: string;
  responseSeconds: number;
  source: string;
}

/** Every stored response, read with plain IndexedDB from an extension page (the popup). */
export async function storedResponses(extensionPage: Page): Promise<Stored[]> {
  return extensionPage.evaluate(async () => {
    const exists = (await indexedDB.databases()).some((d) => d.name === 'inbox-pilot-stats');
    if (!exists) return [];
    return new Promise<Stored[]>((resolve, reject) => {
      const open = indexedDB.open('inbox-pilot-stats');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('responses')) return resolve([]);
        const get = db.transaction('responses').objectStore('responses').getAll();
        get.onsuccess = () => {
          resolve(get.result as Stored[]);
          db.close();
        };
        get.onerror = () => reject(get.error);
      };
    });
  });
}

export async function waitForResponses(extensionPage: Page, conversations: string[], count: number, timeout = 20_000) {
  const started = Date.now();
  let found: Stored[] = [];
  while (Date.now() - started < timeout) {
    found = (await storedResponses(extensionPage)).filter((r) => conversations.includes(r.conversation));
    if (found.length >= count) return found;
    await extensionPage.waitForTimeout(300);
  }
  return found;
}


import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { fakeBrowser } from 'wxt/testing';
import type { InboxEvent } from '../../../utils/inbox/types';
import { onMessages } from '../../../utils/messaging';
import { startStatsSender } from '../../../components/features/stats/sender';
import { collectOrphanOutboxes, registerStatsBackground } from '../../../components/features/stats/background';
import { resetStatsDbForTests, statsDb, STATS_DB_NAME } from '../../../utils/stats/db';
import { OUTBOX_PREFIX } from '../../../utils/stats/outbox';
import { customer, MIN, reply, T0 } from './fixtures';

function fakeInbox() {
  const listeners = new Set<(e: InboxEvent) => void>();
  return {
    onEvent(l: (e: InboxEvent) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit(e: InboxEvent) {
      for (const l of listeners) l(e);
    },
  };
}

const fast = { flushDelayMs: 5, retryMs: 10, maxRetryMs: 40, sweepMs: 50 };

async function outboxes() {
  const all = await fakeBrowser.storage.local.get(null);
  return Object.entries(all).filter(([k]) => k.startsWith(OUTBOX_PREFIX));
}

beforeEach(async () => {
  resetStatsDbForTests();
  await Dexie.delete(STATS_DB_NAME);
});

describe('stats sender: resend until acknowledged', () => {
  it('batches events to the background and clears its outbox once acknowledged; then sets no timer (issue 14: an idle tab never wakes for it)', async () => {
    registerStatsBackground();
    const interval = vi.spyOn(globalThis, 'setInterval');
    const inbox = fakeInbox();
    const abort = new AbortController();
    const sender = startStatsSender(abort, inbox, fast);
    await sender.ready;
    inbox.emit(customer('a', T0));
    inbox.emit(reply('a', T0 + MIN));
    inbox.emit({ kind: 'conversation-opened', id: 'o1', pageId: 'page1', conversation: 'a', customerName: null, at: T0 });
    await vi.waitFor(() => expect(sender.unacked()).toBe(0));
    expect(await statsDb().responses.count()).toBe(1);
    await vi.waitFor(async () => expect(await outboxes()).toEqual([]));
    expect(interval).not.toHaveBeenCalled();
    interval.mockRestore();
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    await new Promise((r) => setTimeout(r, 4 * fast.sweepMs));
    expect(timeout.mock.calls.filter(([, ms]) => ms === fast.sweepMs)).toEqual([]);
    timeout.mockRestore();
    abort.abort();
  });

  it('writes the outbox once for all the events of one task, before the next task (issue 14: start-up reports every conversation at once)', async () => {
    const inbox = fakeInbox();
    const abort = new AbortController();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    startStatsSender(abort, inbox, { ...fast, flushDelayMs: 10_000 }); // no worker: only the outbox writes count
    for (let i = 0; i < 40; i++) inbox.emit(customer(`c${i}`, T0 + i));
    await new Promise((r) => setTimeout(r, 0));
    expect(set).toHaveBeenCalledTimes(1);
    const [[written]] = set.mock.calls as unknown as [[Record<string, { events: unknown[] }>]];
    expect(Object.values(written)[0]!.events).toHaveLength(40);
    set.mockRestore();
    abort.abort();
  });

  it('keeps events while the worker is down (durably, without names) and delivers them when it is back', async () => {
    const inbox = fakeInbox();
    const abort = new AbortController();
    const sender = startStatsSender(abort, inbox, fast); // no background listening yet: the worker is stopped
    inbox.emit(customer('a', T0));
    inbox.emit(reply('a', T0 + MIN));
    await new Promise((r) => setTimeout(r, 60));
    expect(sender.unacked()).toBe(2);
    expect(await statsDb().responses.count()).toBe(0);

    registerStatsBackground(); // the worker starts again
    await vi.waitFor(() => expect(sender.unacked()).toBe(0), { timeout: 2000 });
    expect(await statsDb().responses.count()).toBe(1);
    abort.abort();
  });

  it('a worker that commits then dies before answering gets a resend, stored once', async () => {
    registerStatsBackground();
    let failFirst = true;
    // Registered after the real handler: runs after it, and "kills" the first answer.
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: string }).type === 'stats:events' && failFirst) {
        failFirst = false;
        return new Promise((_, reject) => setTimeout(() => reject(new Error('worker stopped')), 20));
      }
      return undefined;
    });
    const inbox = fakeInbox();
    const abort = new AbortController();
    const sender = startStatsSender(abort, inbox, fast);
    await sender.ready;
    inbox.emit(customer('a', T0));
    inbox.emit(reply('a', T0 + MIN));
    await vi.waitFor(() => expect(sender.unacked()).toBe(0), { timeout: 2000 });
    expect(failFirst).toBe(false);
    expect(await statsDb().responses.count()).toBe(1);
    abort.abort();
  });

  it('a request the stopped worker never answers (no reply, no error) is sent again', async () => {
    registerStatsBackground();
    let hangFirst = true;
    // Runs beside the real handler: the first batch's answer never comes.
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: string }).type === 'stats:events' && hangFirst) {
        hangFirst = false;
        return new Promise(() => undefined);
      }
      return undefined;
    });
    const inbox = fakeInbox();
    const abort = new AbortController();
    const sender = startStatsSender(abort, inbox, { ...fast, requestTimeoutMs: 100 });
    await sender.ready;
    inbox.emit(customer('a', T0));
    inbox.emit(reply('a', T0 + MIN));
    await vi.waitFor(() => expect(sender.unacked()).toBe(0), { timeout: 2000 });
    expect(await statsDb().responses.count()).toBe(1);
    abort.abort();
  });

  it('a reloaded page resends what the previous page left unacknowledged', async () => {
    const inbox1 = fakeInbox();
    const page1 = new AbortController();
    // hello answers with the tab id (both pages of the tab); no stats:events handler yet (worker down).
    const stop = onMessages({ 'stats:hello': () => ({ tabId: 7 }) });
    const first = startStatsSender(page1, inbox1, fast);
    await first.ready;
    inbox1.emit(customer('a', T0));
    inbox1.emit(reply('a', T0 + MIN));
    await vi.waitFor(async () => {
      const [entry] = await outboxes();
      expect(entry?.[0]).toBe('stats.outbox.tab-7');
      expect((entry?.[1] as { events: unknown[] }).events).toHaveLength(2);
    });
    const [[, saved]] = (await outboxes()) as [[string, unknown]];
    expect(JSON.stringify(saved)).not.toContain('Jeanne');
    page1.abort(); // reload: the first page's memory is gone

    registerStatsBackground();
    const page2 = new AbortController();
    const second = startStatsSender(page2, fakeInbox(), fast);
    await second.ready;
    await vi.waitFor(() => expect(second.unacked()).toBe(0), { timeout: 2000 });
    expect(await statsDb().responses.count()).toBe(1);
    expect(await outboxes()).toEqual([]);
    page2.abort();
    stop();
  });

  it('drops an event the background refuses instead of blocking the rest', async () => {
    registerStatsBackground();
    const inbox = fakeInbox();
    const abort = new AbortController();
    const sender = startStatsSender(abort, inbox, fast);
    await sender.ready;
    const realNow = Date.now;
    // This tab's clock runs 3 days ahead: the background refuses that event.
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 3 * 86_400_000);
    inbox.emit(customer('late', realNow() + 2.5 * 86_400_000));
    vi.mocked(Date.now).mockRestore();
    inbox.emit(customer('a', T0));
    inbox.emit(reply('a', T0 + MIN));
    await vi.waitFor(() => expect(sender.unacked()).toBe(0), { timeout: 2000 });
    expect(await statsDb().responses.count()).toBe(1);
    abort.abort();
  });

});

describe('stats sender: a tab closed right after a reply (issue 16)', () => {
  const slow = { ...fast, flushDelayMs: 60_000, sweepMs: 60_000 };

  it('writes an event into the outbox at once, even before the worker has answered', async () => {
    const inbox = fakeInbox();
    const abort = new AbortController();
    startStatsSender(abort, inbox, { ...slow, lifecycle: null }); // no worker: hello never answered
    inbox.emit(reply('a', T0 + MIN));
    await new Promise((r) => setTimeout(r, 0));
    const saved = await outboxes();
    expect(saved).toHaveLength(1);
    expect(saved[0]![0]).toMatch(/^stats\.outbox\.instance-/);
    expect((saved[0]![1] as { events: InboxEvent[] }).events.map((e) => e.kind)).toEqual(['reply-sent']);
    abort.abort();
  });

  it('moves the page outbox under its tab key once the worker answers', async () => {
    const inbox = fakeInbox();
    const abort = new AbortController();
    let answer = false;
    const stop = onMessages({ 'stats:hello': () => (answer ? { tabId: 5 } : new Promise(() => undefined)) });
    const sender = startStatsSender(abort, inbox, { ...fast, requestTimeoutMs: 30, lifecycle: null });
    inbox.emit(customer('a', T0));
    await vi.waitFor(async () => expect((await outboxes()).map(([k]) => k)).toEqual([expect.stringMatching(/instance-/)]));
    answer = true;
    void sender.flush();
    await vi.waitFor(async () => expect((await outboxes()).map(([k]) => k)).toEqual(['stats.outbox.tab-5']), { timeout: 2000 });
    abort.abort();
    stop();
  });

  it('sends a reply without waiting for the batching delay', async () => {
    registerStatsBackground();
    const inbox = fakeInbox();
    const abort = new AbortController();
    const sender = startStatsSender(abort, inbox, { ...slow, lifecycle: null });
    await sender.ready;
    inbox.emit(customer('a', T0));
    inbox.emit(reply('a', T0 + MIN));
    await vi.waitFor(async () => expect(await statsDb().responses.count()).toBe(1), { timeout: 2000 });
    abort.abort();
  });

  it('on pagehide, sends what it holds at once', async () => {
    registerStatsBackground();
    const inbox = fakeInbox();
    const abort = new AbortController();
    const page = new EventTarget();
    const sender = startStatsSender(abort, inbox, { ...slow, lifecycle: page });
    await sender.ready;
    inbox.emit(customer('a', T0));
    inbox.emit(customer('b', T0));
    await new Promise((r) => setTimeout(r, 20));
    expect(await statsDb().pending.count()).toBe(0); // still batching
    page.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(async () => expect(await statsDb().pending.count()).toBe(2), { timeout: 2000 });
    abort.abort();
  });

  it('an outbox left by a page closed before the worker answered is collected once idle', async () => {
    registerStatsBackground();
    await fakeBrowser.storage.local.set({ 'stats.outbox.instance-old': { savedAt: Date.now() - 31_000, events: [customer('a', T0), reply('a', T0 + MIN)] } });
    await fakeBrowser.storage.local.set({ 'stats.outbox.instance-live': { savedAt: Date.now(), events: [customer('b', T0)] } });
    expect(await collectOrphanOutboxes()).toBe(2);
    expect((await outboxes()).map(([k]) => k)).toEqual(['stats.outbox.instance-live']);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { signal } from '@preact/signals';
import { serveInbox } from '../../../utils/frame/serve';
import { awaitPort, connectToPage } from '../../../utils/frame/remote';
import { BRIDGE_HELLO, type PageFeatureState } from '../../../utils/frame/protocol';
import { effect } from '@preact/signals';
import type { InboxEvent, InboxSnapshot, InboxSource, InsertResult } from '../../../utils/inbox/types';

const snap = (url: string): InboxSnapshot => ({
  url,
  takenAt: 1,
  locale: 'en',
  page: { assetId: 'p1', name: null },
  conversations: [],
  open: null,
  composer: { found: false, enabled: false, text: '', kind: null },
  health: { found: { list: true, thread: false, composer: false }, missing: [], recognized: true },
});
const event = (id: string): InboxEvent => ({ kind: 'conversation-opened', id, pageId: 'p1', conversation: 'c1', customerName: null, at: 1 });

/** The page's own source, as utils/inbox/live.ts behaves: events so far replayed to each subscriber. */
function pageSource() {
  const snapshot = signal(snap('a'));
  const listeners = new Set<(e: InboxEvent) => void>();
  const history: InboxEvent[] = [];
  const opened: string[] = [];
  const inserted: unknown[] = [];
  const source: InboxSource = {
    snapshot,
    onEvent(listener) {
      listeners.add(listener);
      for (const e of history) listener(e);
      return () => void listeners.delete(listener);
    },
    openConversation: (key) => (opened.push(key), key !== 'missing'),
    insertText: async (text, opts): Promise<InsertResult> => {
      inserted.push({ text, ...opts });
      if (text === 'boom') throw new Error('composer went away');
      return { ok: true, method: 'beforeinput' };
    },
  };
  const emit = (e: InboxEvent) => {
    history.push(e);
    for (const l of listeners) l(e);
  };
  return { source, snapshot, emit, opened, inserted };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const stops: AbortController[] = [];
afterEach(() => {
  for (const c of stops.splice(0)) c.abort();
});

function bridgePair(page = pageSource()) {
  const pageSide = new AbortController();
  const frameSide = new AbortController();
  stops.push(pageSide, frameSide);
  const channel = new MessageChannel();
  const hostDark = signal(false);
  const shown = signal(true);
  const sizes: unknown[] = [];
  const pageFeatures = signal<PageFeatureState[]>([{ id: 'stats', state: 'starting' }]);
  const retried: string[] = [];
  const served = serveInbox(channel.port1, page.source, {
    signal: pageSide.signal,
    hostDark,
    shown,
    layoutReport: async () => 'report text',
    pageFeatures,
    retryPageFeature: (id) => retried.push(id),
    onSize: (s) => sizes.push(s),
  });
  const connected = connectToPage(channel.port2, frameSide.signal);
  return { page, served, connected, hostDark, shown, sizes, pageFeatures, retried, pageSide, frameSide };
}

describe('the sidebar frame bridge (utils/frame)', () => {
  it('gives the frame the page snapshot first, then every new one', async () => {
    const { page, connected } = bridgePair();
    const bridge = await connected;
    expect(bridge.inbox.snapshot.value.url).toBe('a');
    page.snapshot.value = snap('b');
    await tick();
    expect(bridge.inbox.snapshot.value.url).toBe('b');
  });

  it('forwards events in order and replays those so far to a late subscriber', async () => {
    const { page, connected } = bridgePair();
    page.emit(event('e1'));
    const bridge = await connected;
    page.emit(event('e2'));
    page.emit(event('e3'));
    await tick();
    const seen: string[] = [];
    bridge.inbox.onEvent((e) => seen.push(e.id));
    await tick();
    expect(seen).toEqual(['e1', 'e2', 'e3']);
    page.emit(event('e4'));
    await tick();
    expect(seen).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it("gives a batch's events before its snapshot, as the page's source does", async () => {
    const { page, connected } = bridgePair();
    const bridge = await connected;
    const seen: string[] = [];
    bridge.inbox.onEvent((e) => seen.push(`event ${e.id}`));
    const stop = effect(() => void seen.push(`snapshot ${bridge.inbox.snapshot.value.url}`));
    await tick();
    page.emit(event('e1'));
    page.snapshot.value = snap('b');
    await tick();
    stop();
    expect(seen).toEqual(['snapshot a', 'event e1', 'snapshot b']);
  });

  it("tells how the content script's own features run, and starts a failed one again", async () => {
    const { connected, pageFeatures, retried } = bridgePair();
    const bridge = await connected;
    await tick();
    expect(bridge.pageFeatures.value).toEqual([{ id: 'stats', state: 'starting' }]);
    pageFeatures.value = [{ id: 'stats', state: 'failed' }];
    await tick();
    expect(bridge.pageFeatures.value).toEqual([{ id: 'stats', state: 'failed' }]);
    bridge.retryPageFeature('stats');
    await tick();
    expect(retried).toEqual(['stats']);
  });

  it("answers the frame's calls with the page source's results, and a failure as a failure", async () => {
    const { page, connected } = bridgePair();
    const bridge = await connected;
    expect(await bridge.inbox.openConversation('c1')).toBe(true);
    expect(await bridge.inbox.openConversation('missing')).toBe(false);
    expect(page.opened).toEqual(['c1', 'missing']);
    expect(await bridge.inbox.insertText('Hello', { conversation: 'c1', replaceAll: true })).toEqual({ ok: true, method: 'beforeinput' });
    expect(page.inserted).toEqual([{ text: 'Hello', conversation: 'c1', replaceAll: true }]);
    expect(await bridge.inbox.insertText('boom')).toEqual({ ok: false, reason: 'rejected' });
    expect(await bridge.layoutReport()).toBe('report text');
  });

  it("passes the host's theme, whether the sidebar is shown, and the frame's size", async () => {
    const { connected, hostDark, shown, sizes } = bridgePair();
    const bridge = await connected;
    expect(bridge.hostDark.value).toBe(false);
    hostDark.value = true;
    shown.value = false;
    bridge.reportSize({ collapsed: true, height: 118 });
    await tick();
    expect(bridge.hostDark.value).toBe(true);
    expect(bridge.shown.value).toBe(false);
    expect(sizes).toEqual([{ collapsed: true, height: 118 }]);
  });

  it('hands a message sent to the tab to the listener that answers it, once; none answering is undefined', async () => {
    const { served, connected } = bridgePair();
    const bridge = await connected;
    const envelope = { app: 'inbox-pilot' as const, type: 'replies:insert-top' as const, data: undefined };
    expect(await served.forward(envelope)).toBeUndefined();
    const ignoring = vi.fn(() => undefined);
    const answering = vi.fn((_m: unknown, _s: unknown, sendResponse?: (r: unknown) => void) => {
      setTimeout(() => sendResponse?.({ ok: true, value: { inserted: true } }), 1);
      return true as const;
    });
    const late = vi.fn(() => true as const);
    bridge.tabMessages(ignoring);
    bridge.tabMessages(answering);
    bridge.tabMessages(late);
    expect(await served.forward(envelope)).toEqual({ ok: true, value: { inserted: true } });
    expect(ignoring).toHaveBeenCalledTimes(1);
    expect(answering.mock.calls[0]![0]).toEqual(envelope);
    expect(late).not.toHaveBeenCalled();
  });

  it("ends with the page's session: the frame's pending calls fail, nothing more is posted", async () => {
    const page = pageSource();
    page.source.insertText = () => new Promise(() => undefined); // never answers
    const { connected, pageSide, frameSide } = bridgePair(page);
    const bridge = await connected;
    const pending = bridge.inbox.insertText('waiting');
    frameSide.abort();
    expect(await pending).toEqual({ ok: false, reason: 'rejected' });
    pageSide.abort();
    page.snapshot.value = snap('after');
    await tick();
    expect(bridge.inbox.snapshot.value.url).toBe('a');
  });
});

describe('awaitPort: only the content script can connect the frame', () => {
  function fakeWindow() {
    const parent = {};
    const win = Object.assign(new EventTarget(), { parent }) as unknown as Window;
    const post = (data: unknown, source: unknown, ports: MessagePort[]) =>
      win.dispatchEvent(Object.assign(new Event('message'), { data, source, ports }));
    return { win, parent, post };
  }

  it('takes the first port its parent posts with the token, and nothing else', async () => {
    const { win, parent, post } = fakeWindow();
    const done = new AbortController();
    const got = awaitPort(win, 'secret', done.signal);
    const [wrongToken, fromElsewhere, noType, right, later] = Array.from({ length: 5 }, () => new MessageChannel().port1);
    post({ type: BRIDGE_HELLO, token: 'guess' }, parent, [wrongToken!]);
    post({ type: BRIDGE_HELLO, token: 'secret' }, {}, [fromElsewhere!]);
    post({ token: 'secret' }, parent, [noType!]);
    post({ type: BRIDGE_HELLO, token: 'secret' }, parent, []);
    post({ type: BRIDGE_HELLO, token: 'secret' }, parent, [right!]);
    post({ type: BRIDGE_HELLO, token: 'secret' }, parent, [later!]);
    expect(await got).toBe(right);
    done.abort();
  });

  it('gives up when the frame goes away first', async () => {
    const { win } = fakeWindow();
    const done = new AbortController();
    const got = awaitPort(win, 'secret', done.signal);
    done.abort();
    await expect(got).rejects.toThrow(/closed/);
  });
});

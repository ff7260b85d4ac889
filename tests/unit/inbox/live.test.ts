import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effect } from '@preact/signals';
import { BATCH_GAP_MS, createInboxSource } from '../../../utils/inbox/live';
import { createBatchedObserver } from '../../../utils/inbox/observer';
import { SETTLE_MS } from '../../../utils/inbox/events';
import type { InboxEvent, InboxSource } from '../../../utils/inbox/types';
import { createLocationWatcher } from '../../../utils/lifecycle/location';
import { buildInbox, h, type Built, type ThreadItem } from './build';

const TZ = 'Europe/Paris';
// Long enough for a batch after the last one (they are BATCH_GAP_MS apart at least) and its frame or timer.
const settle = (ms = BATCH_GAP_MS + 30) => new Promise((r) => setTimeout(r, ms));

describe('batched observer', () => {
  it('buffers any number of mutations into one batch per frame', async () => {
    const root = h('div');
    document.body.replaceChildren(root);
    const batches: number[] = [];
    const observer = createBatchedObserver({ win: window, root: () => root, onBatch: (b) => batches.push(b.records) });
    for (let i = 0; i < 1000; i++) root.append(h('span', {}, String(i)));
    await settle();
    expect(batches).toEqual([1000]);
    root.firstElementChild!.remove();
    await settle();
    expect(batches).toEqual([1000, 1]);
    observer.disconnect();
    root.append(h('span'));
    await settle();
    expect(batches).toHaveLength(2);
  });

  it('keeps each mutated node once, caps them and reports overflow instead', async () => {
    const spans = Array.from({ length: 50 }, (_, i) => h('span', {}, String(i)));
    const root = h('div', {}, ...spans);
    document.body.replaceChildren(root);
    const seen: Array<{ overflow: boolean; targets: number; records: number }> = [];
    const observer = createBatchedObserver({
      win: window,
      root: () => root,
      maxTargets: 10,
      onBatch: (b) => seen.push({ overflow: b.overflow, targets: b.targets.length, records: b.records }),
    });
    for (let i = 0; i < 100; i++) root.append(h('i'));
    await settle();
    for (const span of spans) (span.firstChild as Text).data = 'x';
    await settle();
    expect(seen).toEqual([
      { overflow: false, targets: 1, records: 100 },
      { overflow: true, targets: 0, records: 50 },
    ]);
    observer.disconnect();
  });
});

describe('batched observer: when the batch runs', () => {
  it("runs the batch in the task after the frame's rendering, not inside the animation-frame callback (the page's style and layout are then current); an urgent change in the callback itself", async () => {
    const root = h('div');
    document.body.replaceChildren(root);
    const frames: FrameRequestCallback[] = [];
    // The page's window, with frames that run only when this test says so.
    const win = new Proxy(window, {
      get(target, prop) {
        if (prop === 'requestAnimationFrame') return (cb: FrameRequestCallback) => frames.push(cb);
        if (prop === 'cancelAnimationFrame') return () => undefined;
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' && prop !== 'MutationObserver' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }) as Window & typeof globalThis;
    const phases: string[] = [];
    let inFrame = false;
    const observer = createBatchedObserver({ win, root: () => root, onBatch: () => phases.push(inFrame ? 'in the frame callback' : 'after the frame') });
    root.append(h('span', {}, 'new'));
    await Promise.resolve(); // the observer's records are delivered
    await Promise.resolve();
    expect(frames).toHaveLength(1);
    inFrame = true;
    frames[0]!(performance.now());
    inFrame = false;
    expect(phases).toEqual([]); // not yet: the frame still has its style, layout and paint to do
    await new Promise((r) => setTimeout(r, 0));
    expect(phases).toEqual(['after the frame']);
    // An urgent change (the composer) is read in the frame itself: a task after it could come after the agent's Enter.
    const composer = h('div');
    root.append(composer);
    await new Promise((r) => setTimeout(r, 0));
    const urgent = createBatchedObserver({ win, root: () => composer, onBatch: () => phases.push(inFrame ? 'in the frame callback' : 'after the frame'), urgent: () => true, minGapMs: 1 });
    composer.append(h('span', {}, 'typed'));
    await Promise.resolve();
    await Promise.resolve();
    expect(frames.length).toBeGreaterThan(1);
    inFrame = true;
    frames.at(-1)!(performance.now());
    inFrame = false;
    expect(phases).toEqual(['after the frame', 'in the frame callback']);
    urgent.disconnect();
    observer.disconnect();
  });
});

describe('batched observer with a gap between batches (minGapMs)', () => {
  it('holds mutations that come soon after a batch until the gap ends, then makes one batch dated by its first record', async () => {
    const root = h('div');
    document.body.replaceChildren(root);
    const batches: Array<{ records: number; firstAt: number; at: number }> = [];
    let now = 1_000;
    const observer = createBatchedObserver({ win: window, root: () => root, minGapMs: 150, now: () => now, onBatch: (b) => batches.push({ records: b.records, firstAt: b.firstAt, at: performance.now() }) });
    root.append(h('span'));
    await settle(40);
    // The first batch does not wait: no batch ran before it.
    expect(batches.map((b) => b.records)).toEqual([1]);
    const first = batches[0]!.at;
    // A stretch of changes, one every 10 ms, as in a re-render burst.
    for (let i = 0; i < 6; i++) {
      now += 10;
      root.append(h('i'));
      await settle(10);
    }
    expect(batches).toHaveLength(1);
    await settle(200);
    expect(batches.map((b) => b.records)).toEqual([1, 6]);
    expect(batches[1]!.firstAt).toBe(1_010);
    expect(batches[1]!.at - first).toBeGreaterThanOrEqual(140);
    observer.disconnect();
  });

  it('does not make a forced batch (navigation, an opened conversation) wait for the gap', async () => {
    const root = h('div');
    document.body.replaceChildren(root);
    const batches: Array<{ records: number; forced: boolean }> = [];
    const observer = createBatchedObserver({ win: window, root: () => root, minGapMs: 1_000, onBatch: (b) => batches.push({ records: b.records, forced: b.forced }) });
    root.append(h('span'));
    await settle(40);
    root.append(h('i'));
    await settle(40);
    expect(batches).toHaveLength(1); // the second change waits for the gap
    observer.request();
    await settle(40);
    expect(batches).toEqual([
      { records: 1, forced: false },
      { records: 1, forced: true },
    ]);
    observer.disconnect();
  });

  it('does not hold an urgent change (the composer) for the gap, and the rest of its batch comes with it', async () => {
    const composer = h('div');
    const other = h('div');
    const root = h('div', {}, composer, other);
    document.body.replaceChildren(root);
    const batches: Array<{ records: number; forced: boolean }> = [];
    const observer = createBatchedObserver({ win: window, root: () => root, minGapMs: 1_000, urgent: (t) => composer.contains(t), onBatch: (b) => batches.push({ records: b.records, forced: b.forced }) });
    other.append(h('span'));
    await settle(40);
    other.append(h('i'));
    await settle(40);
    expect(batches).toHaveLength(1); // held: not urgent
    composer.append(h('b'));
    await settle(40);
    // Not forced (a forced batch re-reads the whole page); the held change comes along.
    expect(batches).toEqual([
      { records: 1, forced: false },
      { records: 2, forced: false },
    ]);
    other.append(h('u'));
    await settle(40);
    expect(batches).toHaveLength(2); // the gap applies again after it
    observer.disconnect();
  });

  it('leaves no timer behind when disconnected during the gap', async () => {
    const root = h('div');
    document.body.replaceChildren(root);
    const batches: number[] = [];
    const observer = createBatchedObserver({ win: window, root: () => root, minGapMs: 100, onBatch: (b) => batches.push(b.records) });
    root.append(h('span'));
    await settle(40);
    root.append(h('i'));
    observer.disconnect();
    await settle(200);
    expect(batches).toEqual([1]);
  });
});

describe('createInboxSource (happy-dom)', () => {
  let dom: Built;
  let clock: number;
  let abort: AbortController;
  let source: InboxSource;
  let events: InboxEvent[];
  let thread: ThreadItem[];
  let initial: InboxEvent[];

  const start = async () => {
    abort = new AbortController();
    const ctx = { signal: abort.signal, onInvalidated: (cb: () => void) => abort.signal.addEventListener('abort', cb) };
    source = createInboxSource(ctx as never, { agentName: () => 'Marie', timeZone: TZ, now: () => clock });
    events = [];
    source.onEvent((e) => events.push(e));
    await Promise.resolve();
    initial = events;
    events = [];
  };
  const push = (...items: ThreadItem[]) => {
    thread.push(...items);
    dom.setThread('Alice Martin', thread);
  };

  beforeEach(async () => {
    history.replaceState(null, '', '/latest/inbox/all?asset_id=42&selected_item_id=1001');
    clock = Date.UTC(2026, 1, 24, 9, 0);
    dom = buildInbox();
    dom.setRows([
      { name: 'Alice Martin', preview: 'You: Yes.', token: '5m', selected: true },
      { name: 'Bruno Petit', preview: 'Where is my parcel?', token: '2h', unread: true },
    ]);
    thread = [{ separator: 'Today 09:40' }, { side: 'customer', text: 'Hello' }, { side: 'page', text: 'Yes.' }, { label: 'Sent by Paul Girard' }];
    dom.setThread('Alice Martin', thread);
    await start();
  });
  afterEach(() => abort.abort());

  it('starts with a current snapshot; a subscriber gets what was read at load, nothing live', () => {
    expect(source.snapshot.value.open).toMatchObject({ id: '1001', customerName: 'Alice Martin' });
    expect(source.snapshot.value.health.recognized).toBe(true);
    expect(initial.map((e) => [e.kind, e.customerName, 'precision' in e ? e.precision : null])).toEqual([
      ['conversation-opened', 'Alice Martin', null],
      ['reply-sent', 'Alice Martin', 'approximate'], // history marker: the thread shows the Page answered
      ['customer-message', 'Bruno Petit', 'approximate'],
    ]);
  });

  it('emits one customer-message when a message arrives, however many mutations carry it', async () => {
    clock += SETTLE_MS + 1000;
    push({ side: 'customer', text: 'Any news?' });
    dom.setThread('Alice Martin', thread); // a second re-render in the same frame
    await settle();
    expect(events.map((e) => [e.kind, e.conversation])).toEqual([['customer-message', '1001']]);
    expect(source.snapshot.value.open!.messages.at(-1)!.text).toBe('Any news?');
  });

  it('a new snapshot keeps the health object while it says the same (what reads only the health is not re-rendered)', async () => {
    const before = source.snapshot.value;
    clock += SETTLE_MS + 1000;
    push({ side: 'customer', text: 'Any news?' });
    await settle();
    expect(source.snapshot.value).not.toBe(before);
    expect(source.snapshot.value.health).toBe(before.health);
  });

  it('follows SPA navigation to another conversation', async () => {
    history.pushState(null, '', '/latest/inbox/all?asset_id=42&selected_item_id=1002');
    dom.setRows([
      { name: 'Alice Martin', preview: 'You: Yes.', token: '5m' },
      { name: 'Bruno Petit', preview: 'Where is my parcel?', token: '2h', selected: true },
    ]);
    dom.setThread('Bruno Petit', [{ separator: 'Today 07:00' }, { side: 'customer', text: 'Where is my parcel?' }]);
    await settle();
    expect(events.filter((e) => e.kind === 'conversation-opened').map((e) => [e.conversation, e.customerName])).toEqual([['1002', 'Bruno Petit']]);
    expect(source.snapshot.value.open).toMatchObject({ id: '1002', customerName: 'Bruno Petit' });
    expect(source.snapshot.value.conversations.find((r) => r.selected)!.key).toBe('1002');
  });

  it('a main region replaced in place is read and observed at once, with no timer (issue 14: no liveness poll)', async () => {
    clock += SETTLE_MS + 1000;
    const before = dom.list.closest('[role="main"]');
    dom = buildInbox(); // Meta re-mounts the whole region: the observed root leaves the page
    dom.setRows([{ name: 'Bruno Petit', preview: 'Where is my parcel?', token: '2h', selected: true }]);
    dom.setThread('Bruno Petit', [{ separator: 'Today 07:00' }, { side: 'customer', text: 'Where is my parcel?' }]);
    await settle();
    expect(before!.isConnected).toBe(false);
    expect(source.snapshot.value.conversations.map((r) => r.customerName)).toEqual(['Bruno Petit']);
    // The new region is the one observed now: a message in it is seen.
    clock += SETTLE_MS + 1000;
    dom.setThread('Bruno Petit', [{ separator: 'Today 07:00' }, { side: 'customer', text: 'Where is my parcel?' }, { side: 'customer', text: 'Hello?' }]);
    await settle();
    expect(source.snapshot.value.open!.messages.at(-1)!.text).toBe('Hello?');
  });

  it('adds no event listener and no observer per batch, however many batches run (issue 14: listeners 1 -> 30 min)', async () => {
    // Every EventTarget the source could listen on (happy-dom's window and nodes don't all share one prototype).
    const targets = [window, document, document.body, AbortSignal.prototype, Node.prototype, EventTarget.prototype] as unknown as Array<{ addEventListener: () => void }>;
    const spies = [...new Set(targets.map((t) => (Object.prototype.hasOwnProperty.call(t, 'addEventListener') ? t : Object.getPrototypeOf(t))))].map((t) => vi.spyOn(t as { addEventListener: () => void }, 'addEventListener'));
    const added = { mock: { get calls() { return spies.flatMap((s) => s.mock.calls as unknown[][]); } }, mockRestore: () => spies.forEach((s) => s.mockRestore()) };
    const observed = vi.spyOn(MutationObserver.prototype, 'observe');
    for (let i = 0; i < 8; i++) {
      clock += SETTLE_MS + 1000;
      push({ side: 'customer', text: `Message ${i}` });
      await settle();
    }
    history.pushState(null, '', '/latest/inbox/all?asset_id=42&selected_item_id=1001&x=1');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(events.filter((e) => e.kind === 'customer-message')).toHaveLength(8);
    expect(added.mock.calls.map(([type]) => type)).toEqual([]);
    // A URL change re-roots (same root): the ancestors are watched again, nothing more.
    expect(observed.mock.calls.every(([target]) => target !== dom.list.closest('[role="main"]'))).toBe(true);
    added.mockRestore();
    observed.mockRestore();
  });

  it('holds no interval while the page is unchanged (URL changes come from the location watcher)', async () => {
    abort.abort();
    const interval = vi.spyOn(globalThis, 'setInterval');
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    const navigation = new EventTarget();
    const win = { location: window.location, navigation, addEventListener: window.addEventListener.bind(window) } as unknown as Window;
    abort = new AbortController();
    const ctx = { signal: abort.signal, onInvalidated: (cb: () => void) => abort.signal.addEventListener('abort', cb) };
    source = createInboxSource(ctx as never, { timeZone: TZ, now: () => clock, location: createLocationWatcher(win) });
    const calls = () => interval.mock.calls.length + timeout.mock.calls.length;
    await new Promise<void>((r) => queueMicrotask(r));
    expect(calls()).toBe(0);
    interval.mockRestore();
    timeout.mockRestore();
    // A URL change without any DOM change is still read.
    history.pushState(null, '', '/latest/inbox/all?asset_id=42&selected_item_id=1002');
    navigation.dispatchEvent(new Event('currententrychange'));
    await settle();
    expect(source.snapshot.value.url).toContain('selected_item_id=1002');
  });

  it('Enter in the composer, then the bubble: exactly one reply, by the configured agent', async () => {
    clock += SETTLE_MS + 1000;
    (dom.composer as unknown as { model: string }).model = 'On its way!';
    await settle();
    dom.composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    push({ side: 'page', text: 'On its way!' }, { label: 'Sent by Marie Dupont' });
    await settle(700);
    expect(events.map((e) => e.kind === 'reply-sent' && [e.via, e.agent])).toEqual([['this-browser', 'Marie']]);
  });

  it('Enter, the page empties the composer, another conversation opens before the next read: one reply for the first', async () => {
    clock += SETTLE_MS + 1000;
    (dom.composer as unknown as { model: string }).model = 'On its way!';
    await settle();
    dom.composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await Promise.resolve(); // the mutation observer's callback, as in a browser before the next input event
    // The bubble renders and the agent clicks another row, all before the batch reads the page.
    push({ side: 'page', text: 'On its way!' }, { label: 'Sent by Marie Dupont' });
    history.pushState(null, '', '/latest/inbox/all?asset_id=42&selected_item_id=1002');
    dom.setRows([
      { name: 'Alice Martin', preview: 'You: Yes.', token: '5m' }, // the list lags too
      { name: 'Bruno Petit', preview: 'Where is my parcel?', token: '2h', selected: true },
    ]);
    dom.setThread('Bruno Petit', [{ separator: 'Today 07:00' }, { side: 'customer', text: 'Where is my parcel?' }]);
    await settle(700);
    expect(events.filter((e) => e.kind === 'reply-sent').map((e) => e.kind === 'reply-sent' && [e.conversation, e.via, e.agent])).toEqual([['1001', 'this-browser', 'Marie']]);
  });

  it('Enter reads keys typed since the last batch before the page sends: whoever follows the composer sees the text sent', async () => {
    clock += SETTLE_MS + 1000;
    const model = dom.composer as unknown as { model: string };
    model.model = 'On its way!';
    await settle();
    const seen: string[] = [];
    const stop = effect(() => void seen.push(source.snapshot.value.composer.text));
    try {
      // The agent adds words and presses Enter before the next frame: the batch for those keys has not run.
      model.model = 'On its way! Thanks';
      await Promise.resolve(); // the mutation observer's callback only buffers
      expect(source.snapshot.peek().composer.text).toBe('On its way!');
      // The page's own Enter handler (bubbling, after the extension's capture listener) sends and empties it.
      const sendOnEnter = () => (model.model = '');
      dom.composer.addEventListener('keydown', sendOnEnter);
      dom.composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      dom.composer.removeEventListener('keydown', sendOnEnter);
      expect(seen).toContain('On its way! Thanks');
    } finally {
      stop();
    }
  });

  it('a click on Send counts like Enter; other clicks do not', async () => {
    clock += SETTLE_MS + 1000;
    const model = dom.composer as unknown as { model: string };
    const send = h('div', { role: 'button', 'aria-label': 'Send' });
    send.addEventListener('click', () => (model.model = ''));
    const other = h('div', { role: 'button', 'aria-label': 'Choose an emoji' });
    dom.composer.parentElement!.append(other, send);
    model.model = 'See you tomorrow';
    other.click();
    send.click();
    push({ side: 'page', text: 'See you tomorrow' }, { label: 'Sent by Marie Dupont' });
    await settle(700);
    expect(events.map((e) => e.kind === 'reply-sent' && [e.via, e.agent])).toEqual([['this-browser', 'Marie']]);
  });

  it('a consumer whose effect throws on the snapshot never stops the events (issue 12)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let runs = 0;
    const stop = effect(() => {
      void source.snapshot.value;
      if (++runs > 1) throw new Error('a broken feature');
    });
    try {
      clock += SETTLE_MS + 1000;
      push({ side: 'customer', text: 'Any news?' });
      await settle();
      clock += SETTLE_MS + 1000;
      (dom.composer as unknown as { model: string }).model = 'On its way!';
      await settle();
      dom.composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      push({ side: 'page', text: 'On its way!' }, { label: 'Sent by Marie Dupont' });
      await settle(700);
      expect(runs).toBeGreaterThan(1);
      expect(events.map((e) => e.kind)).toEqual(['customer-message', 'reply-sent']);
      // The snapshot is still published after the consumer failed.
      expect(source.snapshot.peek().open!.messages.at(-1)!.text).toBe('On its way!');
    } finally {
      stop();
      warn.mockRestore();
    }
  });

  it('Shift+Enter is a new line, not a send', async () => {
    clock += SETTLE_MS + 1000;
    (dom.composer as unknown as { model: string }).model = 'Line one';
    dom.composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true }));
    clock += 5000;
    await settle(700);
    expect(events).toEqual([]);
  });

  it('keeps the same snapshot object when nothing a feature shows changed', async () => {
    const before = source.snapshot.value;
    dom.list.append(h('div', { 'aria-hidden': 'true' }));
    await settle();
    expect(source.snapshot.value).toBe(before);
  });

  it('stops when the content script context is invalidated', async () => {
    abort.abort();
    clock += SETTLE_MS + 1000;
    push({ side: 'customer', text: 'Hello?' });
    await settle();
    expect(events).toEqual([]);
  });

  it('opens a conversation by clicking its title, never the row actions', () => {
    const clicks: string[] = [];
    document.addEventListener('click', (e) => clicks.push((e.target as Element).closest('[role="button"]') ? 'action' : 'title'), { signal: abort.signal });
    const bruno = source.snapshot.value.conversations.find((r) => r.customerName === 'Bruno Petit')!;
    expect(source.openConversation(bruno.key)).toBe(true);
    expect(source.openConversation('no-such-key')).toBe(false);
    expect(clicks).toEqual(['title']);
  });

  it('inserts text through the adapter and refuses another conversation', async () => {
    expect(await source.insertText('Hello Alice', { conversation: '1001' })).toEqual({ ok: true, method: 'beforeinput' });
    expect((dom.composer as unknown as { model: string }).model).toBe('Hello Alice');
    expect(await source.insertText('x', { conversation: '1002' })).toEqual({ ok: false, reason: 'wrong-conversation' });
    expect(await source.insertText('Bye', { replaceAll: true })).toEqual({ ok: true, method: 'beforeinput' });
    expect((dom.composer as unknown as { model: string }).model).toBe('Bye');
  });
});

describe('createInboxSource: message rows read once, re-read when they change (2026 sim page)', () => {
  /** The 2026 sim page, its live source, and what the features see of its messages against a fresh reading. */
  async function openSim() {
    const { loadFixture } = await import('./fixtures');
    const { takeSnapshot } = await import('../../../utils/inbox/snapshot');
    const f = loadFixture('sim-2026-en.html');
    const u = new URL(f.url);
    history.replaceState(null, '', u.pathname + u.search);
    const abort = new AbortController();
    const ctx = { signal: abort.signal, onInvalidated: (fn: () => void) => abort.signal.addEventListener('abort', fn) };
    const source = createInboxSource(ctx as never, { timeZone: TZ, now: () => f.now });
    // What features see of messages: keys, sides, agents, times (texts are not compared by sameSnapshot).
    const view = (ms: Array<{ key: string; side: string; agent: string | null }>) => ms.map((m) => [m.key, m.side, m.agent]);
    const fresh = () => view(takeSnapshot(document, location.href, f.now, { timeZone: TZ }).open!.messages);
    const shown = () => view(source.snapshot.value.open!.messages);
    const rowOf = (text: string) =>
      [...document.querySelectorAll('[data-message-id^="mid."] div[dir="auto"]')]
        .filter((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim() === text)
        .at(-1)!
        .closest('[data-message-id]')!;
    const messages = takeSnapshot(document, location.href, f.now, { timeZone: TZ }).open!.messages;
    const customer = messages.filter((m) => m.side === 'customer' && m.text.length > 3).at(-1)!;
    const other = messages.filter((m) => m.side !== 'system' && m.text.length > 3 && m !== customer).at(-1)!;
    const typing = (text: string) => rowOf(customer.text).parentElement!.append(h('div', { 'aria-hidden': 'true' }, text));
    return { abort, fresh, shown, rowOf, customer, other, typing };
  }

  it('a batch re-reads a row that changed inside or whose message id changed, never serving a stale reading', async () => {
    const { abort, fresh, shown, rowOf, customer, other, typing } = await openSim();
    try {
      expect(shown()).toEqual(fresh());
      // An unrelated change in the thread: rows served from the cache, the same reading.
      typing('typing');
      await settle();
      expect(shown()).toEqual(fresh());
      // A customer row gains the hidden "You sent" marker (a node added inside a cached row): now the Page's.
      const row = rowOf(customer.text);
      row.prepend(h('span', {}, 'You sent'));
      await settle();
      expect(shown()).toEqual(fresh());
      expect(shown().find(([key]) => key === customer.key)?.[1]).toBe('page');
      // A message id changed in place (not an observed attribute), then any other change: the new id is read.
      rowOf(other.text).setAttribute('data-message-id', 'mid.$changedInPlace');
      typing('typing again');
      await settle();
      expect(shown()).toEqual(fresh());
      expect(shown().some(([key]) => key === other.key)).toBe(false);
    } finally {
      abort.abort();
    }
  });

  it('a row taken out, changed while out of the page and put back later is read again (its cache is forgotten)', async () => {
    const { abort, fresh, shown, rowOf, customer } = await openSim();
    try {
      // A batch with the thread read from the cache, so the row is in it.
      const row = rowOf(customer.text);
      row.parentElement!.append(h('div', { 'aria-hidden': 'true' }, 'typing'));
      await settle();
      expect(shown().find(([key]) => key === customer.key)?.[1]).toBe('customer');
      const parent = row.parentElement!;
      const next = row.nextSibling;
      row.remove();
      await settle();
      expect(shown().some(([key]) => key === customer.key)).toBe(false);
      // Out of the page, the observer sees nothing of this: the row becomes the Page's.
      row.prepend(h('span', {}, 'You sent'));
      await settle();
      parent.insertBefore(row, next);
      await settle();
      expect(shown()).toEqual(fresh());
      expect(shown().find(([key]) => key === customer.key)?.[1]).toBe('page');
    } finally {
      abort.abort();
    }
  });
});

describe('createInboxSource: list rows read once, re-read when they change', () => {
  let abort: AbortController;
  let source: InboxSource;
  let dom: Built;
  const clock = Date.UTC(2026, 1, 24, 9, 0);
  beforeEach(async () => {
    history.replaceState(null, '', '/latest/inbox/all?asset_id=42&selected_item_id=1001');
    dom = buildInbox();
    dom.setRows([
      { name: 'Alice Martin', preview: 'You: Yes.', token: '5m', selected: true },
      { name: 'Bruno Petit', preview: 'Where is my parcel?', token: '2h' },
      { name: 'Chloé Bernard', preview: 'Merci !', token: '3h', unread: true },
    ]);
    dom.setThread('Alice Martin', [{ side: 'customer', text: 'Hello' }]);
    abort = new AbortController();
    const ctx = { signal: abort.signal, onInvalidated: (cb: () => void) => abort.signal.addEventListener('abort', cb) };
    source = createInboxSource(ctx as never, { timeZone: TZ, now: () => clock });
    // A first batch, as the page would send: the rows read at start are in the caches already.
    touchOther('Alice Martin');
    await settle();
  });
  afterEach(() => abort.abort());

  const rowEl = (name: string) => [...dom.list.children].find((r) => r.querySelector('img')?.getAttribute('alt') === name)!;
  const shown = (i: number) => {
    const r = source.snapshot.value.conversations[i]!;
    return { name: r.customerName, preview: r.preview, unread: r.unread, rowKey: r.rowKey };
  };
  /** Another row changes in the same batch: the list is re-read, and the cached rows are served. */
  const touchOther = (name: string) => rowEl(name).querySelector('span:not([dir])')!.append('');

  it('a row taken out, changed while out of the page and put back later is read again (its cache is forgotten)', async () => {
    const row = rowEl('Bruno Petit');
    const next = row.nextSibling;
    row.remove();
    await settle();
    expect(source.snapshot.value.conversations.map((r) => r.customerName)).not.toContain('Bruno Petit');
    row.querySelector('a > span[dir="auto"]')!.textContent = 'Any news about my parcel?';
    await settle();
    dom.list.insertBefore(row, next);
    await settle();
    expect(source.snapshot.value.conversations.find((r) => r.customerName === 'Bruno Petit')?.preview).toBe('Any news about my parcel?');
  });

  it("a batch inside the list alone takes the thread's messages from the last reading; a change in the thread reads them again", async () => {
    const before = source.snapshot.value.open!;
    expect(before.messages.map((m) => m.text)).toEqual(['Hello']);
    // A real change in the list (a new preview): a new snapshot, whose open conversation is read with it.
    const preview = rowEl('Bruno Petit').querySelector('a > span[dir="auto"]')!;
    preview.textContent = 'Any news about my parcel?';
    await settle();
    expect(source.snapshot.value.conversations.map((r) => r.preview)).toContain('Any news about my parcel?');
    const after = source.snapshot.value.open!;
    expect(after.key).toBe(before.key);
    expect(after.messages).toBe(before.messages);
    dom.setThread('Alice Martin', [
      { side: 'customer', text: 'Hello' },
      { side: 'customer', text: 'Anyone there?' },
    ]);
    await settle();
    expect(source.snapshot.value.open!.messages.map((m) => m.text)).toEqual(['Hello', 'Anyone there?']);
  });

  it('a batch inside the thread re-reads the thread only (the parts the last reading found route the records)', async () => {
    const pagelet = dom.list.parentElement!;
    const spy = vi.spyOn(Element.prototype, 'querySelectorAll');
    const listWalks = () => spy.mock.contexts.filter((c) => c === pagelet).length;
    try {
      dom.messages.append(h('div', { 'aria-hidden': 'true' }, 'typing'));
      await settle();
      expect(listWalks()).toBe(0);
      touchOther('Alice Martin');
      await settle();
      expect(listWalks()).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
  });

  it('a node added to the thread, changed and removed again (a typing ticker) is a batch inside the thread, not a full reading', async () => {
    const pagelet = dom.list.parentElement!;
    const spy = vi.spyOn(Element.prototype, 'querySelectorAll');
    const docSpy = vi.spyOn(document, 'querySelectorAll');
    const listWalks = () => spy.mock.contexts.filter((c) => c === pagelet).length;
    try {
      const ticker = h('div', { 'aria-hidden': 'true' }, '0');
      dom.messages.append(ticker);
      for (let i = 1; i < 5; i++) ticker.textContent = String(i);
      ticker.remove();
      await settle();
      expect(listWalks()).toBe(0);
      // A full reading would search the page for the list again.
      expect(docSpy.mock.calls.filter(([sel]) => String(sel).includes('GenericBizInboxThreadListViewBody')).length).toBe(0);
    } finally {
      spy.mockRestore();
      docSpy.mockRestore();
    }
  });

  it('a batch that re-reads everything re-roots the observer with the parts it just found (no second walk of the page for them)', async () => {
    const main = dom.list.closest('[role="main"]') ?? document.body;
    const spy = vi.spyOn(document, 'querySelectorAll');
    const listWalks = () => spy.mock.calls.filter(([sel]) => String(sel).includes('GenericBizInboxThreadListViewBody')).length;
    try {
      // Outside the list, the header, the thread and the composer: the batch re-reads everything.
      main.append(h('div', {}, 'a banner'));
      await settle();
      expect(listWalks()).toBe(1);
      expect(shown(1).name).toBe('Bruno Petit');
    } finally {
      spy.mockRestore();
    }
  });

  it('text: a preview whose text node changed in place is read again', async () => {
    expect(shown(1).preview).toBe('Where is my parcel?');
    (rowEl('Bruno Petit').querySelector('a > span[dir="auto"]')!.firstChild as Text).data = 'Any news?';
    await settle();
    expect(shown(1).preview).toBe('Any news?');
    touchOther('Alice Martin');
    await settle();
    expect(shown(1).preview).toBe('Any news?');
  });

  it('bold: a name that turns bold (inline font-weight) or plain again changes the unread state', async () => {
    expect([shown(1).unread, shown(2).unread]).toEqual([false, true]);
    for (const el of rowEl('Bruno Petit').querySelectorAll('[style]')) el.setAttribute('style', 'font-weight: 700');
    for (const el of rowEl('Chloé Bernard').querySelectorAll('[style]')) el.setAttribute('style', 'font-weight: 400');
    await settle();
    expect([shown(1).unread, shown(2).unread]).toEqual([true, false]);
  });

  it('bold: a weight set on the list above the rows (inherited) makes every row read again', async () => {
    for (const el of dom.list.querySelectorAll('[style]')) el.removeAttribute('style');
    await settle();
    expect([shown(0).unread, shown(1).unread, shown(2).unread]).toEqual([false, false, false]);
    dom.list.setAttribute('style', 'font-weight: 700');
    await settle();
    expect([shown(0).unread, shown(1).unread, shown(2).unread]).toEqual([true, true, true]);
  });

  it('image: an avatar whose src or alt changed in place gives the row its new key and name', async () => {
    const before = shown(1);
    const img = rowEl('Bruno Petit').querySelector('img')!;
    img.setAttribute('src', 'data:image/svg+xml,another');
    await settle();
    expect(shown(1).rowKey).not.toBe(before.rowKey);
    expect(shown(1).name).toBe('Bruno Petit');
    // The name is the avatar's alt in this layout when the title has none.
    rowEl('Bruno Petit').querySelector('[data-surface]')!.remove();
    img.setAttribute('alt', 'Bruno P.');
    await settle();
    expect(shown(1).name).toBe('Bruno P.');
  });
});

describe('batched observer: inline style records', () => {
  it('a style change that leaves the font alone (a row moved by transform) makes no batch; a font change does', async () => {
    const el = h('span', { style: 'transform: translateY(0px)' }, 'x');
    const root = h('div', {}, el);
    document.body.replaceChildren(root);
    const batches: Array<{ records: number; restyled: number }> = [];
    const observer = createBatchedObserver({ win: window, root: () => root, onBatch: (b) => batches.push({ records: b.records, restyled: b.restyled.length }) });
    el.setAttribute('style', 'transform: translateY(72px)');
    await settle();
    expect(batches).toEqual([]);
    el.setAttribute('style', 'transform: translateY(72px); font-weight: 700');
    await settle();
    expect(batches).toEqual([{ records: 1, restyled: 1 }]);
    observer.disconnect();
  });

  it('an attribute set again to the value it has makes no batch; changed and changed back in one task, it does', async () => {
    const link = h('a', { href: '/latest/inbox/all?selected_item_id=1' }, 'All');
    const root = h('div', {}, link);
    document.body.replaceChildren(root);
    const batches: number[] = [];
    const observer = createBatchedObserver({ win: window, root: () => root, onBatch: (b) => batches.push(b.records) });
    link.setAttribute('href', '/latest/inbox/all?selected_item_id=1');
    await settle();
    expect(batches).toEqual([]);
    link.setAttribute('href', '/latest/inbox/all?selected_item_id=2');
    link.setAttribute('href', '/latest/inbox/all?selected_item_id=1');
    await settle();
    expect(batches).toEqual([1]);
    observer.disconnect();
  });
});

describe('createInboxSource: a batch inside the parts takes them from the last reading (SnapshotOptions.known)', () => {
  const sources: AbortController[] = [];
  afterEach(() => sources.splice(0).forEach((a) => a.abort()));
  const open = async () => {
    const { loadFixture } = await import('./fixtures');
    const f = loadFixture('sim-2026-en.html');
    const u = new URL(f.url);
    history.replaceState(null, '', u.pathname + u.search);
    return f;
  };
  const startSource = (now: number) => {
    const abort = new AbortController();
    sources.push(abort);
    const ctx = { signal: abort.signal, onInvalidated: (fn: () => void) => abort.signal.addEventListener('abort', fn) };
    return createInboxSource(ctx as never, { timeZone: TZ, now: () => now });
  };
  /** What a source shows, without the time of its reading. */
  const view = (s: InboxSource) => ({ ...s.snapshot.value, takenAt: 0 });
  /** The same page read afresh by a new source (its first reading searches the page for every part). */
  const fresh = (now: number) => view(startSource(now));
  const messageList = () => document.querySelector('[aria-label="Message list container"]')!;
  const listPart = () => document.querySelector('[data-pagelet="GenericBizInboxThreadListViewBody"]')!;
  const tabs = () => [...document.querySelectorAll('a[data-surface*="channel_selector"]')];

  it('no walk of the page for the list, header, message list and channel tabs, and the same reading as a fresh one', async () => {
    const f = await open();
    const source = startSource(f.now);
    const spy = vi.spyOn(document, 'querySelectorAll');
    const partWalks = () =>
      spy.mock.calls.filter(([sel]) => /GenericBizInboxThreadListViewBody|BizInboxDetailViewHeaderSectionWrapper|Message list container|channel_selector/.test(String(sel))).length;
    try {
      // In one batch: a node in the thread and a row's text changed (its preview), both inside the parts.
      messageList().append(h('div', { 'aria-hidden': 'true' }, 'typing'));
      const preview = source.snapshot.value.conversations[1]!.preview;
      const text = [...listPart().querySelectorAll('div')].find((d) => d.childElementCount === 0 && d.textContent === preview)!;
      text.textContent = 'A new preview written by the customer';
      await settle();
      expect(partWalks()).toBe(0);
      expect(source.snapshot.value.conversations.some((r) => r.preview === 'A new preview written by the customer')).toBe(true);
    } finally {
      spy.mockRestore();
    }
    expect(view(source)).toEqual(fresh(f.now));
  });

  it('a part that stopped matching its alternative (its own label changed) is searched for again', async () => {
    const f = await open();
    const source = startSource(f.now);
    const before = view(source);
    expect(before.health.via?.messageList).toBe('[aria-label*="Message list container" i]');
    // Now no alternative matches it (nor the detail pane, the last resort, whose attribute change sends no
    // record): the thread is not found. Read from the part the last reading found, it would still be.
    document.querySelector('[data-pagelet="BizInboxDetailSectionWrapper"]')?.removeAttribute('data-pagelet');
    messageList().setAttribute('aria-label', 'Conversation');
    await settle();
    const now = fresh(f.now);
    expect(now.health.missing).toContain('thread');
    expect(view(source)).toEqual(now);
  });

  it('channel tabs inside a part are read again when that part changes (never the last reading of them)', async () => {
    const f = await open();
    const source = startSource(f.now);
    // The tab bar moved inside the list: a change to a tab is now a change inside the list part.
    listPart().prepend(tabs()[0]!.parentElement!);
    await settle();
    // The URL names no conversation: the shown tab's href does (2026).
    expect(location.search).not.toContain('selected_item_id');
    const shown = tabs().find((t) => t.getAttribute('aria-current') === 'page')!;
    const id = source.snapshot.value.open!.id!;
    shown.setAttribute('href', shown.getAttribute('href')!.replace(id, '1234567890'));
    await settle();
    expect(source.snapshot.value.open!.id).toBe('1234567890');
    // (The list keeps the id the source learnt for that row earlier, which a fresh source has not: only the thread is compared.)
    expect(view(source).open).toEqual(fresh(f.now).open);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventFeed, EVENT_HISTORY_MAX } from '../../../utils/inbox/event-feed';

const tick = () => new Promise<void>((r) => queueMicrotask(r));

describe('event feed (the page source and the frame share it)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives each event to every subscriber, in order', () => {
    const feed = createEventFeed<number>();
    const a: number[] = [];
    const b: number[] = [];
    feed.subscribe((e) => a.push(e));
    feed.subscribe((e) => b.push(e));
    feed.emit(1);
    feed.emit(2);
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([1, 2]);
  });

  it('replays what happened before a subscriber came, on the next microtask, not synchronously', async () => {
    const feed = createEventFeed<number>();
    feed.emit(1);
    feed.emit(2);
    const got: number[] = [];
    feed.subscribe((e) => got.push(e));
    expect(got).toEqual([]);
    await tick();
    expect(got).toEqual([1, 2]);
  });

  it('replays only the last EVENT_HISTORY_MAX events (or the bound it was given)', async () => {
    const feed = createEventFeed<number>();
    for (let i = 0; i < EVENT_HISTORY_MAX + 5; i++) feed.emit(i);
    const got: number[] = [];
    feed.subscribe((e) => got.push(e));
    await tick();
    expect(got).toHaveLength(EVENT_HISTORY_MAX);
    expect(got[0]).toBe(5);
    const small = createEventFeed<number>(2);
    [1, 2, 3].forEach((e) => small.emit(e));
    const few: number[] = [];
    small.subscribe((e) => few.push(e));
    await tick();
    expect(few).toEqual([2, 3]);
  });

  it('stops a replay when the subscriber leaves during it', async () => {
    const feed = createEventFeed<number>();
    [1, 2, 3].forEach((e) => feed.emit(e));
    const got: number[] = [];
    const stop = feed.subscribe((e) => {
      got.push(e);
      if (e === 2) stop();
    });
    await tick();
    expect(got).toEqual([1, 2]);
    feed.emit(4);
    expect(got).toEqual([1, 2]);
  });

  it('keeps a failing subscriber from the others and from the code that emits', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const feed = createEventFeed<number>();
    const got: number[] = [];
    feed.subscribe(() => {
      throw new Error('boom');
    });
    feed.subscribe((e) => got.push(e));
    expect(() => feed.emit(1)).not.toThrow();
    expect(got).toEqual([1]);
    expect(warn).toHaveBeenCalledTimes(1);
    // In a replay too.
    feed.subscribe(() => {
      throw new Error('boom');
    });
    await tick();
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('gives an event to a subscriber added while it is handed out once, through its replay', async () => {
    const feed = createEventFeed<number>();
    const late: number[] = [];
    let added = false;
    feed.subscribe(() => {
      if (added) return;
      added = true;
      feed.subscribe((e) => late.push(e));
    });
    feed.emit(1);
    expect(late).toEqual([]);
    await tick();
    expect(late).toEqual([1]);
  });

  it('hands nothing more out after clear, replays included', async () => {
    const feed = createEventFeed<number>();
    feed.emit(1);
    const got: number[] = [];
    feed.subscribe((e) => got.push(e));
    feed.clear();
    feed.emit(2);
    await tick();
    expect(got).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effect, signal } from '@preact/signals';
import { createClock } from '../../../utils/clock';

describe('the shared clock sleeps until a consumer needs it (issue 14)', () => {
  let abort: AbortController;
  let visibility: DocumentVisibilityState;
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    abort = new AbortController();
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  });
  afterEach(() => {
    abort.abort();
    vi.useRealTimers();
    delete (document as unknown as Record<string, unknown>).visibilityState;
  });
  const moves = (clock: ReturnType<typeof createClock>) => {
    const seen: number[] = [];
    effect(() => void seen.push(clock.now.value));
    seen.length = 0;
    return seen;
  };

  it('no consumer, or none that needs a time: not one tick in an hour', () => {
    const clock = createClock(abort.signal);
    const seen = moves(clock);
    clock.wakeAt(signal(Number.POSITIVE_INFINITY));
    vi.advanceTimersByTime(3_600_000);
    expect(seen).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('moves at the instant asked, then at the next one the consumer plans from the new time', () => {
    const clock = createClock(abort.signal);
    const seen = moves(clock);
    // A consumer that needs every whole minute (like a row's minutes).
    const need = signal(0);
    effect(() => void (need.value = Math.floor(clock.now.value / 60_000) * 60_000 + 60_000));
    clock.wakeAt(need);
    vi.advanceTimersByTime(19_999);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(3 * 60_000);
    expect(seen).toEqual([1_020_000, 1_080_000, 1_140_000]);
  });

  it('the earliest of several needs; a released need no longer wakes it', () => {
    const clock = createClock(abort.signal);
    const seen = moves(clock);
    const late = signal(1_500_000);
    const soon = signal(1_010_000);
    clock.wakeAt(late);
    const release = clock.wakeAt(soon);
    release();
    vi.advanceTimersByTime(400_000);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(200_000);
    expect(seen).toEqual([1_500_000]);
  });

  it('a need it already reached is met: it never wakes it again (no spin), and the other needs still do', () => {
    const clock = createClock(abort.signal);
    const seen = moves(clock);
    clock.wakeAt(signal(0));
    clock.wakeAt(signal(1_010_000)); // stays put after its wake, like a consumer that plans nothing more
    clock.wakeAt(signal(1_030_000));
    vi.advanceTimersByTime(60_000);
    expect(seen).toEqual([1_010_000, 1_030_000]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('needs in the same slot of the grid share one move, at the end of the slot (never before a need)', () => {
    const clock = createClock(abort.signal, document, Date.now, 5_000);
    const seen = moves(clock);
    clock.wakeAt(signal(1_011_000));
    clock.wakeAt(signal(1_013_500));
    clock.wakeAt(signal(1_015_000)); // on the grid: its own instant
    clock.wakeAt(signal(1_015_001)); // just past it: the next slot
    vi.advanceTimersByTime(60_000);
    expect(seen).toEqual([1_015_000, 1_020_000]);
    // Without a grid (1 ms), each need is its own move.
    const exact = createClock(abort.signal, document, Date.now, 1);
    const exactSeen = moves(exact);
    exact.wakeAt(signal(1_071_000));
    exact.wakeAt(signal(1_073_500));
    vi.advanceTimersByTime(60_000);
    expect(exactSeen).toEqual([1_071_000, 1_073_500]);
  });

  it('a timer that fires early by the wall clock sleeps the rest: never moves before the instant', () => {
    let wall = 1_000_000;
    const clock = createClock(abort.signal, document, () => wall);
    const seen = moves(clock);
    clock.wakeAt(signal(1_010_000));
    wall = 1_009_998; // the timer fires, the wall clock says 2 ms early
    vi.advanceTimersByTime(10_000);
    expect(seen).toEqual([]);
    wall = 1_010_000;
    vi.advanceTimersByTime(2);
    expect(seen).toEqual([1_010_000]);
  });

  it('sleeps while the tab is hidden and catches up at once when it shows again', () => {
    const clock = createClock(abort.signal);
    const seen = moves(clock);
    const need = signal(1_010_000);
    clock.wakeAt(need);
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(60_000);
    expect(seen).toEqual([]);
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(seen).toEqual([1_060_000]);
  });

  it('stops with its context', () => {
    const clock = createClock(abort.signal);
    const seen = moves(clock);
    clock.wakeAt(signal(1_010_000));
    abort.abort();
    vi.advanceTimersByTime(60_000);
    expect(seen).toEqual([]);
  });
});

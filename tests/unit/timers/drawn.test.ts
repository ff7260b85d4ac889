import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effect, signal } from '@preact/signals';
import { drawnEvery } from '../../../components/features/timers/drawn';

// The waiting list as the sidebar draws it: at once after a quiet second, coalesced inside it.
describe('drawnEvery', () => {
  let clock = 0;
  let hidden = false;
  let teardown: Array<() => void> = [];
  const scope = {
    effect: (fn: () => void) => void teardown.push(effect(fn)),
    onInvalidated: (fn: () => void) => void teardown.push(fn),
  };
  const advance = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };
  /** The source, the drawn signal, and every value drawn (the first is the value at creation). */
  function setup(initial = 'a') {
    const source = signal(initial);
    const drawn = drawnEvery(source, scope, { gapMs: 1_000, clock: () => clock, hidden: () => hidden });
    const seen: string[] = [];
    teardown.push(effect(() => void seen.push(drawn.value)));
    return { source, drawn, seen };
  }

  beforeEach(() => {
    vi.useFakeTimers();
    clock = 10_000;
    hidden = false;
  });
  afterEach(() => {
    for (const fn of teardown.splice(0)) fn();
    vi.useRealTimers();
  });

  it('draws a change that follows a quiet second at once', () => {
    const { source, drawn, seen } = setup();
    source.value = 'b';
    expect(drawn.value).toBe('b');
    advance(1_000);
    source.value = 'c';
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('draws the changes inside the second together at its end, as the list is then', () => {
    const { source, drawn, seen } = setup();
    source.value = 'b'; // drawn at once
    advance(200);
    source.value = 'c';
    advance(200);
    source.value = 'd';
    expect(drawn.value).toBe('b');
    advance(599);
    expect(drawn.value).toBe('b');
    advance(1);
    expect(seen).toEqual(['a', 'b', 'd']);
    // The draw at the gap's end starts a new gap.
    source.value = 'e';
    expect(drawn.value).toBe('d');
    advance(1_000);
    expect(seen).toEqual(['a', 'b', 'd', 'e']);
  });

  it('draws nothing when the list came back to what is drawn', () => {
    const { source, seen } = setup();
    source.value = 'a';
    advance(5_000);
    expect(seen).toEqual(['a']);
  });

  it('follows at once in a hidden tab, and a planned draw happens as soon as the tab is hidden', () => {
    const { source, drawn } = setup();
    source.value = 'b';
    source.value = 'c'; // planned for the gap's end
    expect(drawn.value).toBe('b');
    hidden = true;
    source.value = 'd';
    expect(drawn.value).toBe('d');
    source.value = 'e';
    expect(drawn.value).toBe('e');
  });

  it('plans nothing after the feature stopped', () => {
    const { source, drawn } = setup();
    source.value = 'b';
    source.value = 'c';
    for (const fn of teardown.splice(0)) fn();
    advance(2_000);
    expect(drawn.peek()).toBe('b');
    expect(vi.getTimerCount()).toBe(0);
  });
});

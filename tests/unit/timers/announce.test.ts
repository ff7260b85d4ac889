import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import { announcements, stateChanges } from '../../../components/features/timers/announce';
import type { TimerState, TimerView } from '../../../utils/timers/types';

const view = (key: string, state: TimerState, customerName: string | null = key.toUpperCase()) => ({ key, state, customerName }) as TimerView;

describe('timer announcements (aria-live, state changes only)', () => {
  it('says nothing for the first list', () => {
    expect(stateChanges(null, [view('a', 'late')], '?')).toEqual([]);
  });

  it('names the conversations that became late or soon, late first', () => {
    const before = new Map<string, TimerState>([['a', 'ok'], ['b', 'soon'], ['c', 'late']]);
    const now = [view('c', 'late'), view('b', 'late'), view('d', 'soon', null), view('a', 'soon'), view('e', 'ok'), view('f', 'closed')];
    expect(stateChanges(before, now, 'Unknown customer')).toEqual([
      { state: 'late', names: ['B'] },
      { state: 'soon', names: ['Unknown customer', 'A'] },
    ]);
  });

  it('keeps the same text until something else changes (a live region speaks on changed text)', () => {
    const views = signal([view('a', 'ok')]);
    const spoken = announcements(views, () => '?');
    expect(spoken.value).toEqual([]);
    views.value = [view('a', 'soon')];
    const first = spoken.value;
    expect(first).toEqual([{ state: 'soon', names: ['A'] }]);
    views.value = [view('a', 'soon'), view('b', 'ok')];
    expect(spoken.value).toBe(first);
    views.value = [view('a', 'late'), view('b', 'ok')];
    expect(spoken.value).toEqual([{ state: 'late', names: ['A'] }]);
  });

  it('speaks only of the rows the list shows; a row shown later ("Show all") is not news', () => {
    const views = signal([view('a', 'ok'), view('b', 'ok'), view('c', 'ok')]);
    const shown = signal(2);
    const spoken = announcements(views, () => '?', shown);
    expect(spoken.value).toEqual([]);
    // c (third, not shown) becomes late: nothing said, and nothing re-rendered (same array).
    const before = spoken.value;
    views.value = [view('a', 'ok'), view('b', 'ok'), view('c', 'late')];
    expect(spoken.value).toBe(before);
    // Shown now, and still late: not announced.
    shown.value = 3;
    views.value = [view('c', 'late'), view('a', 'ok'), view('b', 'ok')];
    expect(spoken.value).toBe(before);
    // a becomes soon in view: said.
    views.value = [view('c', 'late'), view('a', 'soon'), view('b', 'ok')];
    expect(spoken.value).toEqual([{ state: 'soon', names: ['A'] }]);
  });
});

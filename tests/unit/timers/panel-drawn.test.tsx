import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { DRAW_GAP_MS } from '../../../components/features/timers/drawn';
import { onMessages } from '../../../utils/messaging';
import { customer, MIN, T0 } from './fixtures';
import { fakeEnv } from './fake-env';
import { mountTimersPanel } from './mount-panel';

// The timers feature as the sidebar mounts it draws the waiting list at most once a second (drawn.ts):
// a change after a quiet second at once, the next ones together at the end of the second.
let cleanup: Array<() => void> = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

const rows = (host: HTMLElement) => [...host.querySelectorAll<HTMLElement>('[data-testid="timer-row"]')].map((r) => r.dataset.key);
const wait = (ms: number) => act(async () => void (await new Promise((r) => setTimeout(r, ms))));

describe('timers panel: how often the list is drawn', () => {
  it('draws a new waiting row at once, and the rows that follow within the second at its end', async () => {
    cleanup.push(
      onMessages({
        'timers:restore': () => ({ tracks: [] }),
        'timers:save': () => ({ saved: 0 }),
        'alerts:update': () => ({ notified: 0 }),
        'stats:today': () => ({ responses: 0, withinTarget: 0, withinTargetPct: null }),
      }),
    );
    const fake = fakeEnv(T0 + 2 * MIN);
    const host = await mountTimersPanel(fake, cleanup);
    await wait(DRAW_GAP_MS + 50); // a quiet second since start-up

    await act(() => fake.emit(customer('first', T0 + MIN, { customerName: 'First' })));
    await wait(0);
    expect(rows(host)).toEqual(['first']);

    await act(() => fake.emit(customer('second', T0, { customerName: 'Second' })));
    await wait(0);
    expect(rows(host)).toEqual(['first']); // inside the second: not yet
    await wait(DRAW_GAP_MS);
    expect(rows(host)).toEqual(['second', 'first']);
  });
});

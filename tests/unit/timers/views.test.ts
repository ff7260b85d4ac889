import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import { createTimerViews } from '../../../components/features/timers/views';
import { applyEvent, emptyTracker } from '../../../utils/timers/tracker';
import { DEFAULT_TIMING_SETTINGS } from '../../../utils/timers/settings';
import { customer, MIN, replied, T0 } from './fixtures';

describe('createTimerViews', () => {
  it('recomputes the list only when a state can change, the tracker or the settings change', () => {
    const tracks = signal(applyEvent(emptyTracker, customer('a', T0)));
    const clock = signal(T0 + MIN);
    const settings = signal(DEFAULT_TIMING_SETTINGS);
    const { views, dispose } = createTimerViews({ tracks, clock, targetMinutes: signal(5), settings, pageId: signal('p1') });
    const first = views.value;
    expect(first[0]!.state).toBe('ok');
    clock.value = T0 + 2 * MIN; // a tick: same list object
    expect(views.value).toBe(first);
    clock.value = T0 + 4 * MIN; // reaches the warning lead: recomputed
    expect(views.value).not.toBe(first);
    expect(views.value[0]!.state).toBe('soon');
    settings.value = { ...DEFAULT_TIMING_SETTINGS, warningLeadMinutes: 0.5 };
    expect(views.value[0]!.state).toBe('ok');
    tracks.value = applyEvent(tracks.value, replied('a', T0 + 4 * MIN));
    expect(views.value).toEqual([]);
    dispose();
  });
});

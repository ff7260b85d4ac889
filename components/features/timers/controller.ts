import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { sendMessage } from '../../../utils/messaging';
import { liveItem } from '../../../utils/settings/live';
import { isOpenAt } from '../../../utils/timers/business-hours';
import { DEFAULT_TIMING_SETTINGS, timingSettings, type TimingSettings } from '../../../utils/timers/settings';
import { alertsChanged, toAlertItems } from '../../../utils/timers/timers';
import { createTimerViews } from './views';
import { applyEvent, applySnapshot, customerNames, emptyTracker, pruneTracks, restoreTracks } from '../../../utils/timers/tracker';
import type { AlertItem, TimerView, TrackerState } from '../../../utils/timers/types';
import type { InboxEvent } from '../../../utils/inbox/types';
import type { FeatureEnv } from '../types';
import type { Scope } from '../../../utils/lifecycle/scope';

/**
 * Wires the pure timing core to one inbox tab: tracker state fed by the
 * adapter's snapshots and events, views recomputed on the shared clock, the
 * waiting list reported to the background (badge + warnings) only when it
 * changes, the tracker saved for page reloads, today's share from stats.
 */

export interface TodayFigure {
  withinTargetPct: number;
  responses: number;
}

export interface TimersController {
  /** The shared clock, kept moving while the tab is hidden (see the watchdog). */
  clock: ReadonlySignal<number>;
  settings: ReadonlySignal<TimingSettings>;
  tracks: ReadonlySignal<TrackerState>;
  views: ReadonlySignal<TimerView[]>;
  /** Null when the stats are unavailable (the header hides the figure). */
  today: ReadonlySignal<TodayFigure | null>;
  open(key: string): Promise<boolean>;
}

/** Limits on messages to the background: the list is only sent when it changes, saves are debounced. */
const SAVE_DEBOUNCE_MS = 1_000;
const RESTORE_TIMEOUT_MS = 1_500;
/**
 * Today's share is asked again after a reply seen in this tab (2 s later), when the tab is shown again, at
 * midnight and when the settings change; this slow fallback only catches replies recorded elsewhere (another
 * tab, a team member's browser). It was a 60-s interval: a wake-up of the idle inbox every minute (issue 14).
 */
const STATS_FALLBACK_MS = 10 * 60_000;
/** The first messages to the background wait for the page's first quiet moment, at most this long. */
const FIRST_REPORT_WAIT_MS = 1_000;
const STATS_AFTER_REPLY_MS = 2_000;
const RETRY_MS = 10_000;
/** Reports of the waiting list (badge, desktop warnings) are at least this far apart. */
export const REPORT_GAP_MS = 1_000;
/** Hidden tabs: re-check at least this often (Chrome throttles hidden timers to about once a minute anyway). */
const WATCHDOG_MAX_MS = 60_000;
const WATCHDOG_MIN_MS = 1_000;

/** Runs `fn` (guarded by the scope) at the page's first quiet moment, `wait` ms at most: not in the start-up's way. */
function whenIdle(scope: Scope, fn: () => void, wait: number): void {
  if (typeof requestIdleCallback !== 'function') return scope.timeout(fn, 0);
  const id = requestIdleCallback(scope.guard(fn), { timeout: wait });
  scope.onInvalidated(() => cancelIdleCallback(id));
}

/** Ms to the next local midnight (today's share starts again from nothing). */
const untilMidnight = (now: number) => {
  const next = new Date(now);
  next.setHours(24, 0, 0, 0);
  return next.getTime() - now;
};

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise.catch(() => fallback), new Promise<T>((r) => setTimeout(() => r(fallback), ms))]);
}

export async function createTimersController(env: FeatureEnv): Promise<TimersController> {
  const { scope, inbox } = env;
  const settings = liveItem(timingSettings, DEFAULT_TIMING_SETTINGS, scope.signal);
  await settings.ready;

  const tracks = signal<TrackerState>(emptyTracker);
  const pageId = computed(() => inbox.snapshot.value.page.assetId);

  // Events arriving while the saved tracker loads are applied after it.
  const pending: InboxEvent[] = [];
  let restored = false;
  // Set once today's figure is wired (below): a reply refreshes it a little later.
  let afterReply: () => void = () => undefined;
  const onEvent = (event: InboxEvent) => {
    if (event.kind === 'reply-sent') afterReply();
    if (!restored) return void pending.push(event);
    tracks.value = applyEvent(tracks.peek(), event);
  };
  const unsubscribe = inbox.onEvent((e) => {
    try {
      onEvent(e);
    } catch (error) {
      console.warn('[Inbox Pilot] timers: bad event', error);
    }
  });
  scope.onInvalidated(unsubscribe);

  const saved = await withTimeout(sendMessage('timers:restore', { pageId: pageId.peek() }), RESTORE_TIMEOUT_MS, { tracks: [] });
  batch(() => {
    let state = restoreTracks(emptyTracker, saved.tracks);
    for (const e of pending.splice(0)) state = applyEvent(state, e);
    tracks.value = state;
    restored = true;
  });

  scope.effect(() => {
    const snap = inbox.snapshot.value;
    tracks.value = applySnapshot(tracks.peek(), snap);
  });

  // The shared clock stops while the tab is hidden, which is exactly when a desktop warning matters:
  // a watchdog wakes at the next state change (or every minute) and moves this clock on its own.
  const wake = signal(0);
  const clock = computed(() => Math.max(env.now.value, wake.value));
  const timerViews = createTimerViews({
    tracks,
    clock,
    targetMinutes: computed(() => env.general.value.targetMinutes),
    settings,
    pageId,
  });
  scope.onInvalidated(timerViews.dispose);
  // The clock sleeps until the list's next state change (the rows' own minutes are the ticker's).
  scope.onInvalidated(env.wakeAt(timerViews.stateChangeAt));
  const { views } = timerViews;

  // Badge and warnings: report the list when what the background acts on changes.
  let lastItems: AlertItem[] | null = null;
  let lastOpen = true;
  // A failed send (worker starting, extension reloading) is retried once, later: a plain timer armed only
  // then (no interval waking the page while nothing failed), cleared on teardown.
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const retryLater = () => {
    if (retryTimer !== undefined || scope.isInvalid) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      report(true);
    }, RETRY_MS);
  };
  scope.onInvalidated(() => clearTimeout(retryTimer));
  // Start-up (issue 14): the first report waits for the page's first quiet moment; the effect below already
  // follows the list (its reads come before this gate), so nothing is missed meanwhile.
  let reporting = false;
  // At most one report per REPORT_GAP_MS (issue 14): under a burst of new messages each change was its own
  // message to the worker (structured clone, IPC and the answer's task on the inbox's main thread). A change
  // after a quiet gap is sent at once; one inside the gap waits for its end and sends the list as it is then.
  // A hidden tab sends at once: it draws no frames to spare, and its timers may be throttled to a minute.
  const hidden = () => typeof document === 'undefined' || document.visibilityState === 'hidden';
  let lastSentAt = -Infinity;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  scope.onInvalidated(() => clearTimeout(reportTimer));
  const send = () => {
    clearTimeout(reportTimer);
    reportTimer = undefined;
    if (scope.isInvalid) return;
    const openNow = isOpenAt(clock.peek(), settings.peek().businessHours);
    const items = toAlertItems(views.peek(), clock.peek());
    lastItems = items;
    lastOpen = openNow;
    lastSentAt = Date.now();
    sendMessage('alerts:update', { pageId: pageId.peek(), openNow, items }).catch(retryLater); // retried once, later, not every tick
  };
  const report = (force = false) => {
    // Both read first: the effect follows the list and the schedule even while nothing is sent.
    const list = views.value;
    const hours = settings.value.businessHours;
    if (!reporting) return;
    // A report already planned sends the list as it is then: no need to compare this one (a burst's changes).
    if (!force && reportTimer !== undefined && !hidden()) return;
    // Open now per the schedule, whatever the time basis: "quiet outside business hours" needs it even when counting wall time.
    const openNow = isOpenAt(clock.peek(), hours);
    if (!force && openNow === lastOpen && !alertsChanged(lastItems, list)) return;
    const wait = lastSentAt + REPORT_GAP_MS - Date.now();
    if (force || wait <= 0 || hidden()) send();
    else reportTimer = setTimeout(send, wait);
  };
  scope.effect(() => report());
  whenIdle(
    scope,
    () => {
      reporting = true;
      report(true);
    },
    FIRST_REPORT_WAIT_MS,
  );
  // Plain timers cleared on teardown: ctx.setTimeout adds an abort listener per call
  // that lives until the content script ends, and these two are re-armed constantly.
  let watchdogTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  scope.onInvalidated(() => {
    clearTimeout(watchdogTimer);
    clearTimeout(saveTimer);
  });
  // Armed only while the tab is hidden: a shown tab's clock moves on its own (env.wakeAt), and a timer
  // re-armed every minute for nothing was a wake-up of the idle inbox (issue 14).
  const scheduleWatchdog = () => {
    clearTimeout(watchdogTimer);
    watchdogTimer = undefined;
    if (scope.isInvalid || !hidden()) return;
    const next = Math.min(WATCHDOG_MAX_MS, timerViews.nextChangeAt() - Date.now());
    watchdogTimer = setTimeout(() => {
      if (hidden()) wake.value = Date.now();
      scheduleWatchdog();
    }, Math.max(WATCHDOG_MIN_MS, next + 250));
  };
  if (typeof document !== 'undefined') scope.listen(document, 'visibilitychange', scheduleWatchdog);
  // Re-planned whenever the list is recomputed (a state change, a new message, new settings).
  scope.effect(() => {
    void views.value; // re-planned whenever the list is recomputed
    scheduleWatchdog();
  });

  scope.onInvalidated(() => void sendMessage('alerts:update', { pageId: pageId.peek(), openNow: true, items: [] }).catch(() => undefined));

  // Keep the tracker across reloads (times and names only, via the background's session storage).
  scope.effect(() => {
    const state = tracks.value;
    if (!restored || scope.isInvalid) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const kept = pruneTracks(state, Date.now());
      sendMessage('timers:save', { pageId: pageId.peek(), tracks: Object.values(kept) }).catch(() => undefined);
    }, SAVE_DEBOUNCE_MS);
  });

  // Today's share within target, from the stats helper (hidden when unavailable).
  const today = signal<TodayFigure | null>(null);
  const refreshToday = () => {
    const agent = env.general.peek().agentName.trim() || null;
    sendMessage('stats:today', { agent, pageId: pageId.peek() }).then(
      (r) => (today.value = r && typeof r.withinTargetPct === 'number' && r.responses > 0 ? { withinTargetPct: r.withinTargetPct, responses: r.responses } : null),
      () => (today.value = null),
    );
  };
  // First asked at the page's first quiet moment (start-up), then on the occasions listed at STATS_FALLBACK_MS.
  let asking = false;
  whenIdle(
    scope,
    () => {
      asking = true;
      refreshToday();
    },
    FIRST_REPORT_WAIT_MS,
  );
  scope.effect(() => {
    void env.general.value; // the agent's name and the target decide the figure
    if (asking) refreshToday();
  });
  scope.listen(document, 'visibilitychange', () => {
    if (asking && document.visibilityState === 'visible') refreshToday();
  });
  const atMidnight = () =>
    scope.timeout(() => {
      refreshToday();
      atMidnight();
    }, untilMidnight(Date.now()) + 1_000);
  atMidnight();
  scope.interval(refreshToday, STATS_FALLBACK_MS);
  // After a reply, once (replies in a row share one refresh): a timer armed by the reply, not an interval.
  let todayTimer: ReturnType<typeof setTimeout> | undefined;
  scope.onInvalidated(() => clearTimeout(todayTimer));
  afterReply = () => {
    if (todayTimer !== undefined || scope.isInvalid) return;
    todayTimer = setTimeout(() => {
      todayTimer = undefined;
      refreshToday();
    }, STATS_AFTER_REPLY_MS);
  };

  // A clicked desktop warning asks this tab to open the conversation.
  // The managers' popup asks for names to put beside its slowest responses.
  scope.onMessage(
    {
      'inbox:open-conversation': async ({ conversation }) => ({ opened: await inbox.openConversation(conversation) }),
      'inbox:customer-names': ({ conversations }) => ({ names: customerNames(tracks.peek(), conversations) }),
    },
  );

  return {
    clock,
    settings,
    tracks,
    views,
    today,
    open: async (key) => {
      try {
        return await inbox.openConversation(key);
      } catch {
        return false;
      }
    },
  };
}

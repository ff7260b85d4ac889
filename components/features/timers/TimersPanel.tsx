import { Component, type ComponentChildren } from 'preact';
import { computed, signal, useComputed, useSignal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useId, useMemo, useRef } from 'preact/hooks';
import { messagesFor } from '../../../utils/i18n';
import type { Channel, InboxHealth } from '../../../utils/inbox/types';
import { windowNotice, type WindowNotice } from '../../../utils/timers/timers';
import type { TimerState, TimerView } from '../../../utils/timers/types';
import type { TodayFigure } from './controller';
import { timerMessages } from './strings';
import { announcements, type Announcement } from './announce';
import { refresh, rowHandle, type RowHandle, type Ticker, type ViewLookup } from './ticker';

const t = messagesFor(timerMessages);

/** A name that is only a phone number (WhatsApp shows the number as the name). */
const PHONE_NAME = /^\+?[\d\s().-]{6,}$/;
/** Icons repeat the state for those who cannot tell the colours apart; the text says it for everyone. */
const ICONS: Record<TimerState, string> = { late: '⚠', soon: '⏳', ok: '◷', paused: '⏸', closed: '⊘' };

export interface TimersPanelProps {
  /** Recomputed only on state changes (see createTimerViews). */
  views: ReadonlySignal<TimerView[]>;
  /** The shared clock: the figures of the rows shown advance with it. */
  now: ReadonlySignal<number>;
  /** The one clock effect for the rows shown, bound to the feature's scope (content.tsx). */
  ticker: Ticker;
  health: ReadonlySignal<InboxHealth>;
  today: ReadonlySignal<TodayFigure | null>;
  targetMinutes: ReadonlySignal<number>;
  open: (key: string) => boolean | Promise<boolean>;
}

/** What a row's structure depends on: it changes on state changes, not on every tick. */
interface RowShape {
  key: string;
  name: string | null;
  /** Messenger / Instagram / WhatsApp / comment when known (data-channel, for tests and styling). */
  channel: Channel | null;
  state: TimerState;
  approximate: boolean;
  window: WindowNotice['kind'] | null;
}

/**
 * Collapsed, the list shows only the most urgent rows: a 320-px sidebar shows
 * about ten, and the rows below them cost DOM, style and layout on every tick
 * and state change for nobody. The rest is one click away ("Show all"); the
 * badge and the desktop warnings still cover every waiting conversation.
 */
export const COLLAPSED_ROWS = 20;

/**
 * The shapes of the first `limit` rows as a signal that keeps the same array
 * (and the same shape objects) while only the clock moved, or while only rows
 * past the limit changed: the list re-renders on a state change among the rows
 * shown, and then only the rows that changed. The ticking figures are
 * rewritten by one clock effect for the rows shown (see createTicker).
 */
export function rowShapes(views: ReadonlySignal<TimerView[]>, limit: ReadonlySignal<number> = signal(Number.POSITIVE_INFINITY)): ReadonlySignal<RowShape[]> {
  let previous: RowShape[] = [];
  let byKey = new Map<string, RowShape>();
  let shownViews: readonly TimerView[] = [];
  let shownMax = 0;
  return computed(() => {
    const list = views.value;
    const max = limit.value;
    // The same view objects in the first `max` places (a state change past them; TimerMemo keeps views): same shapes.
    const n = Math.min(max, list.length);
    if (max === shownMax && n === shownViews.length) {
      let i = 0;
      while (i < n && list[i] === shownViews[i]) i++;
      if (i === n) return previous;
    }
    shownViews = list.slice(0, n);
    shownMax = max;
    const next: RowShape[] = [];
    const nextByKey = new Map<string, RowShape>();
    let same = true;
    for (let i = 0; i < list.length; i++) {
      const v = list[i]!;
      if (i >= max) break;
      const window = windowNotice(v)?.kind ?? null;
      const approximate = v.precision === 'approximate';
      const old = byKey.get(v.key);
      const shape =
        old && old.name === v.customerName && old.channel === (v.channel ?? null) && old.state === v.state && old.approximate === approximate && old.window === window
          ? old
          : { key: v.key, name: v.customerName, channel: v.channel ?? null, state: v.state, approximate, window };
      if (same && previous[next.length] !== shape) same = false;
      next.push(shape);
      nextByKey.set(v.key, shape);
    }
    byKey = nextByKey;
    if (same && next.length === previous.length) return previous;
    return (previous = next);
  });
}

const minutes = (n: number) => String(n).replace('.', t.value === timerMessages.fr ? ',' : '.');

function Header({ views, today, targetMinutes }: Pick<TimersPanelProps, 'views' | 'today' | 'targetMinutes'>) {
  // Closed conversations stay listed (last, marked) but nobody can answer them: not counted as waiting.
  const count = useComputed(() => {
    let n = 0;
    for (const v of views.value) if (v.state !== 'closed') n++;
    return n;
  });
  const share = today.value;
  const target = minutes(targetMinutes.value);
  return (
    <p class="ip-timers-header" data-testid="timers-header">
      <strong data-testid="timers-count" data-count={count.value}>{t.value.waiting(count.value)}</strong>
      {share && <span data-testid="timers-share">{t.value.shareToday(Math.round(share.withinTargetPct), target)}</span>}
      <span>{t.value.target(target)}</span>
    </p>
  );
}

interface RowProps {
  shape: RowShape;
  byKey: ReadonlySignal<ViewLookup>;
  now: ReadonlySignal<number>;
  onOpen: (key: string) => void;
  ticker: Ticker;
}

function TimerRow({ shape, byKey, now, onOpen, ticker }: RowProps) {
  const elapsed = useRef<HTMLSpanElement>(null);
  const detail = useRef<HTMLSpanElement>(null);
  const windowEl = useRef<HTMLSpanElement>(null);
  const handle = useRef<RowHandle>(rowHandle(shape.key, shape.approximate));
  handle.current.approximate = shape.approximate;
  // What Preact renders; afterwards the ticker keeps these texts current.
  const texts = refresh(handle.current, byKey.peek().get(shape.key), now.peek());
  useEffect(() => {
    handle.current.els = { elapsed: elapsed.current, detail: detail.current, window: windowEl.current };
  });
  useEffect(() => ticker.watch(handle.current), [ticker]);
  return (
    <li>
      <button
        type="button"
        class={`ip-timer ip-timer--${shape.state}`}
        data-testid="timer-row"
        data-key={shape.key}
        data-state={shape.state}
        data-channel={shape.channel ?? undefined}
        title={t.value.openHint}
        onClick={() => onOpen(shape.key)}
      >
        <span class={`ip-timer-icon ip-state-${shape.state}`} aria-hidden="true">{ICONS[shape.state]}</span>
        <span class="ip-timer-who">
          {shape.name && PHONE_NAME.test(shape.name) ? (
            <span class="ip-timer-name ip-timer-name--number" data-testid="timer-name" title={shape.name}><bdi>{shape.name}</bdi></span>
          ) : (
            <span class="ip-timer-name" dir="auto" data-testid="timer-name" title={shape.name ?? undefined}>{shape.name ?? t.value.unknownCustomer}</span>
          )}
          {/* Messenger is the default and goes unmarked; the other channels say which app to answer in. */}
          {shape.channel && shape.channel !== 'messenger' && <span class="ip-timer-channel" data-testid="timer-channel">{t.value[`channel_${shape.channel}`]}</span>}
        </span>
        {/* The ticking texts sit in inner blocks of a fixed size (.ip-tick): a changed digit lays out that block only. */}
        <span class="ip-timer-elapsed" data-testid="timer-elapsed"><span class="ip-tick" ref={elapsed}>{texts.elapsed}</span></span>
        <span class={`ip-timer-detail ip-state-${shape.state}`} data-testid="timer-detail"><span class="ip-tick" ref={detail}>{texts.detail}</span></span>
        {shape.window && <span class={`ip-timer-window ip-timer-window--${shape.window}`} data-testid="timer-window"><span class="ip-tick" ref={windowEl}>{texts.window}</span></span>}
      </button>
    </li>
  );
}

interface GroupProps {
  shapes: RowShape[];
  byKey: ReadonlySignal<ViewLookup>;
  now: ReadonlySignal<number>;
  onOpen: (key: string) => void;
  ticker: Ticker;
  locale: unknown;
}

/**
 * Rows in groups of GROUP_SIZE: when one row changes state, the list compares
 * a few groups and re-renders the one that holds it (the list is ordered by
 * waiting start, so new rows land at the end and groups rarely shift).
 */
const GROUP_SIZE = 20;
class RowGroup extends Component<GroupProps> {
  override shouldComponentUpdate(next: GroupProps) {
    const a = this.props;
    if (next.locale !== a.locale || next.byKey !== a.byKey || next.shapes.length !== a.shapes.length) return true;
    for (let i = 0; i < next.shapes.length; i++) if (next.shapes[i] !== a.shapes[i]) return true;
    return false;
  }
  override render() {
    const { shapes, ...rest } = this.props;
    return <>{shapes.map((shape) => <Row key={shape.key} shape={shape} {...rest} />)}</>;
  }
}

/** Re-renders a row only when its shape changed (or the language did: the parent re-renders then with new props). */
class Row extends Component<RowProps & { locale: unknown }> {
  override shouldComponentUpdate(next: RowProps & { locale: unknown }) {
    return next.shape !== this.props.shape || next.locale !== this.props.locale || next.byKey !== this.props.byKey;
  }
  override render() {
    return <TimerRow {...this.props} />;
  }
}

function groups<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Shows the rows past COLLAPSED_ROWS, or hides them again; re-renders only when the count does. */
function ShowAllToggle({ total, shown, expanded, listId }: { total: ReadonlySignal<number>; shown: ReadonlySignal<number>; expanded: { value: boolean }; listId: string }) {
  const n = total.value;
  if (expanded.value ? n <= COLLAPSED_ROWS : shown.value >= n) return null;
  return (
    <button
      type="button"
      class="ip-btn ip-timers-more"
      data-testid="timers-show-all"
      aria-expanded={expanded.value}
      aria-controls={listId}
      onClick={() => (expanded.value = !expanded.value)}
    >
      {expanded.value ? t.value.showFewer(COLLAPSED_ROWS) : t.value.showAll(n)}
    </button>
  );
}

/**
 * Polite, and only on state changes of the rows shown (announce.ts), never on the clock's ticks. Its own
 * component: a new sentence re-renders this paragraph, not the panel.
 */
function Announcer({ spoken }: { spoken: ReadonlySignal<Announcement[]> }) {
  return (
    <p class="ip-visually-hidden" aria-live="polite" data-testid="timers-announcer">
      {spoken.value.map((a) => t.value.announce(t.value[`state_${a.state}`], a.names)).join(' ')}
    </p>
  );
}

interface TimerListProps {
  shapes: ReadonlySignal<RowShape[]>;
  health: ReadonlySignal<InboxHealth>;
  byKey: ReadonlySignal<ViewLookup>;
  now: ReadonlySignal<number>;
  onOpen: (key: string) => void;
  ticker: Ticker;
  listId: string;
  /** The "Show all" toggle, between the rows and the hint. */
  children: ComponentChildren;
}

/**
 * The rows (or why there are none), the toggle and the "~" hint: its own component, so a state change among the rows
 * shown re-renders the list and the group that holds the row, not the header, the announcer and the toggle.
 */
function TimerList({ shapes, health, byKey, now, onOpen, ticker, listId, children }: TimerListProps) {
  const list = shapes.value;
  const recognized = health.value.recognized;
  const locale = t.value;
  if (list.length === 0) return <>{recognized && <p class="ip-muted" data-testid="timers-empty">{t.value.empty}</p>}{children}</>;
  return (
    <>
      <ul class="ip-list" id={listId} aria-label={t.value.listLabel} data-testid="timers-list">
        {groups(list, GROUP_SIZE).map((group, i) => (
          <RowGroup key={i} shapes={group} byKey={byKey} now={now} onOpen={onOpen} ticker={ticker} locale={locale} />
        ))}
      </ul>
      {children}
      {list.some((s) => s.approximate) && <p class="ip-muted ip-timers-hint">{t.value.approxHint}</p>}
    </>
  );
}

export function TimersPanel({ views, now, ticker, health, today, targetMinutes, open }: TimersPanelProps) {
  const expanded = useSignal(false);
  const limit = useComputed(() => (expanded.value ? Number.POSITIVE_INFINITY : COLLAPSED_ROWS));
  const shapes = useMemo(() => rowShapes(views, limit), [views]);
  const total = useComputed(() => views.value.length);
  const shown = useComputed(() => shapes.value.length);
  const recognized = useComputed(() => health.value.recognized);
  const openFailed = useSignal(false);
  const onOpen = useMemo(
    () => (key: string) =>
      void Promise.resolve(open(key)).then(
        (opened) => (openFailed.value = !opened),
        () => (openFailed.value = true),
      ),
    [open],
  );
  const listId = useId();
  const spoken = useMemo(() => announcements(views, () => t.value.unknownCustomer, limit), [views]);
  return (
    <div class="ip-timers" data-testid="timers-panel">
      <Header views={views} today={today} targetMinutes={targetMinutes} />
      <Announcer spoken={spoken} />
      {!recognized.value && <p class="ip-notice ip-notice--warn" role="status" data-testid="timers-not-recognized">{t.value.notRecognized}</p>}
      {openFailed.value && <p class="ip-notice ip-notice--error" role="alert">{t.value.openFailed}</p>}
      {/* The rows' figures, by key: the ticker looks them up here. */}
      <TimerList shapes={shapes} health={health} byKey={ticker.byKey} now={now} onOpen={onOpen} ticker={ticker} listId={listId}>
        <ShowAllToggle total={total} shown={shown} expanded={expanded} listId={listId} />
      </TimerList>
    </div>
  );
}

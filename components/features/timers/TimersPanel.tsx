import { Component } from 'preact';
import { computed, useComputed, useSignal, type ReadonlySignal, type Signal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { formatDuration, messagesFor } from '../../../utils/i18n';
import type { InboxHealth } from '../../../utils/inbox/types';
import { windowNotice } from '../../../utils/timing/timers';
import type { TimerState, TimerView } from '../../../utils/timing/types';
import type { TodayFigure } from './controller';
import { timerMessages } from './messages';

const t = messagesFor(timerMessages);

/** Icons repeat the state for those who cannot tell the colours apart; the text says it for everyone. */
const ICONS: Record<TimerState, string> = { late: '⚠', soon: '⏳', ok: '◷', paused: '⏸' };

export interface TimersPanelProps {
  views: ReadonlySignal<TimerView[]>;
  health: ReadonlySignal<InboxHealth>;
  today: ReadonlySignal<TodayFigure | null>;
  targetMinutes: ReadonlySignal<number>;
  open: (key: string) => boolean;
}

/** What a row's structure depends on: it changes on state changes, not on every tick. */
interface RowShape {
  key: string;
  name: string | null;
  state: TimerState;
  approximate: boolean;
  window: 'messaging' | 'human-agent' | null;
}

/**
 * The rows' shapes as a signal that keeps the same array (and the same shape
 * objects) while only the clock moved: the list re-renders on a state change,
 * and then only the rows that changed. Ticking figures are text nodes bound
 * to their own signals (see TimerRow).
 */
export function rowShapes(views: ReadonlySignal<TimerView[]>): ReadonlySignal<RowShape[]> {
  let previous: RowShape[] = [];
  let byKey = new Map<string, RowShape>();
  return computed(() => {
    const list = views.value;
    const next: RowShape[] = new Array(list.length);
    const nextByKey = new Map<string, RowShape>();
    let same = list.length === previous.length;
    for (let i = 0; i < list.length; i++) {
      const v = list[i]!;
      const window = windowNotice(v)?.kind ?? null;
      const approximate = v.precision === 'approximate';
      const old = byKey.get(v.key);
      const shape =
        old && old.name === v.customerName && old.state === v.state && old.approximate === approximate && old.window === window
          ? old
          : { key: v.key, name: v.customerName, state: v.state, approximate, window };
      next[i] = shape;
      nextByKey.set(v.key, shape);
      if (same && previous[i] !== shape) same = false;
    }
    byKey = nextByKey;
    if (same) return previous;
    return (previous = next);
  });
}

/** One IntersectionObserver for the list: rows out of view stop formatting their figures. */
function createVisibility() {
  const flags = new WeakMap<Element, Signal<boolean>>();
  const io =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => entries.forEach((e) => flags.get(e.target) && (flags.get(e.target)!.value = e.isIntersecting)), { rootMargin: '200px 0px' })
      : null;
  return {
    watch(el: Element, flag: Signal<boolean>) {
      flags.set(el, flag);
      io?.observe(el);
      return () => {
        io?.unobserve(el);
        flags.delete(el);
      };
    },
    disconnect: () => io?.disconnect(),
  };
}
type Visibility = ReturnType<typeof createVisibility>;

/** A duration rounded down to whole minutes (under a minute: "< 1 min"). */
function wholeMinutes(ms: number): string {
  if (ms < 60_000) return t.value.underAMinute;
  return formatDuration(Math.floor(ms / 60_000) * 60).replace(/ 00$/, '');
}

const minutes = (n: number) => String(n).replace('.', t.value === timerMessages.fr ? ',' : '.');

function Header({ views, today, targetMinutes }: Pick<TimersPanelProps, 'views' | 'today' | 'targetMinutes'>) {
  const count = useComputed(() => views.value.length);
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
  byKey: ReadonlySignal<Map<string, TimerView>>;
  onOpen: (key: string) => void;
  visibility: Visibility;
}

/** The three ticking texts of a row; while the row is out of view they keep their last value and cost nothing. */
function tickers(key: string, approximate: boolean, byKey: ReadonlySignal<Map<string, TimerView>>, visible: ReadonlySignal<boolean>) {
  const approx = approximate ? '~' : '';
  const gated = (format: (v: TimerView) => string) => {
    let last = '';
    return computed(() => {
      if (!visible.value) return last;
      const v = byKey.value.get(key);
      return (last = v ? format(v) : '');
    });
  };
  return {
    // Past the target, seconds add nothing: late rows count in whole minutes (and change once a minute).
    elapsed: gated((v) => approx + (v.state === 'late' ? wholeMinutes(v.elapsedWallMs) : formatDuration(v.elapsedWallMs / 1000))),
    // Seconds only where they matter (about to be late): fewer changing texts per tick, less noise to read.
    detail: gated((v) => {
      const label = t.value[`state_${v.state}`];
      if (v.state === 'soon') return `${label} · ${t.value.left(approx + formatDuration(v.leftMs / 1000))}`;
      if (v.state === 'late') return `${label} · ${t.value.over(approx + wholeMinutes(-v.leftMs))}`;
      return `${label} · ${t.value.left(approx + wholeMinutes(v.leftMs))}`;
    }),
    window: gated((v) => {
      const w = windowNotice(v);
      if (!w) return '';
      const d = approx + formatDuration(w.leftMs / 1000);
      return w.kind === 'messaging' ? t.value.windowLeft(d) : t.value.humanAgentLeft(d);
    }),
  };
}

function TimerRow({ shape, byKey, onOpen, visibility }: RowProps) {
  const visible = useSignal(true);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => (ref.current ? visibility.watch(ref.current, visible) : undefined), [visibility]);
  const text = useMemo(() => tickers(shape.key, shape.approximate, byKey, visible), [shape.key, shape.approximate, byKey]);
  return (
    <li ref={ref}>
      <button
        type="button"
        class={`ip-timer ip-timer--${shape.state}`}
        data-testid="timer-row"
        data-key={shape.key}
        data-state={shape.state}
        title={t.value.openHint}
        onClick={() => onOpen(shape.key)}
      >
        <span class={`ip-timer-icon ip-state-${shape.state}`} aria-hidden="true">{ICONS[shape.state]}</span>
        <span class="ip-timer-name" dir="auto" data-testid="timer-name">{shape.name ?? t.value.unknownCustomer}</span>
        <span class="ip-timer-elapsed" data-testid="timer-elapsed">{text.elapsed}</span>
        <span class={`ip-timer-detail ip-state-${shape.state}`} data-testid="timer-detail">{text.detail}</span>
        {shape.window && <span class="ip-timer-window" data-testid="timer-window">{text.window}</span>}
      </button>
    </li>
  );
}

interface GroupProps {
  shapes: RowShape[];
  byKey: ReadonlySignal<Map<string, TimerView>>;
  onOpen: (key: string) => void;
  visibility: Visibility;
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

export function TimersPanel({ views, health, today, targetMinutes, open }: TimersPanelProps) {
  const shapes = useMemo(() => rowShapes(views), [views]);
  const byKey = useMemo(() => computed(() => new Map(views.value.map((v) => [v.key, v]))), [views]);
  const visibility = useMemo(createVisibility, []);
  useEffect(() => visibility.disconnect, [visibility]);
  const openFailed = useSignal(false);
  const onOpen = useMemo(() => (key: string) => void (openFailed.value = !open(key)), [open]);
  const list = shapes.value;
  const recognized = health.value.recognized;
  const locale = t.value;
  return (
    <div class="ip-timers" data-testid="timers-panel">
      <Header views={views} today={today} targetMinutes={targetMinutes} />
      {!recognized && <p class="ip-notice ip-notice--warn" role="status" data-testid="timers-not-recognized">{t.value.notRecognized}</p>}
      {openFailed.value && <p class="ip-notice ip-notice--error" role="alert">{t.value.openFailed}</p>}
      {list.length === 0 ? (
        recognized && <p class="ip-muted" data-testid="timers-empty">{t.value.empty}</p>
      ) : (
        <ul class="ip-list" aria-label={t.value.listLabel} data-testid="timers-list">
          {groups(list, GROUP_SIZE).map((group, i) => (
            <RowGroup key={i} shapes={group} byKey={byKey} onOpen={onOpen} visibility={visibility} locale={locale} />
          ))}
        </ul>
      )}
      {list.some((s) => s.approximate) && <p class="ip-muted ip-timers-hint">{t.value.approxHint}</p>}
    </div>
  );
}

import { Component } from 'preact';
import { computed, effect, signal, useComputed, useSignal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useId, useMemo, useRef } from 'preact/hooks';
import { formatDuration, messagesFor } from '../../../utils/i18n';
import type { InboxHealth } from '../../../utils/inbox/types';
import { advance, windowNotice } from '../../../utils/timing/timers';
import type { TimerState, TimerView } from '../../../utils/timing/types';
import type { TodayFigure } from './controller';
import { timerMessages } from './messages';

const t = messagesFor(timerMessages);

/** Icons repeat the state for those who cannot tell the colours apart; the text says it for everyone. */
const ICONS: Record<TimerState, string> = { late: '⚠', soon: '⏳', ok: '◷', paused: '⏸' };

export interface TimersPanelProps {
  /** Recomputed only on state changes (see createTimerViews). */
  views: ReadonlySignal<TimerView[]>;
  /** The shared clock: the figures of the rows in view advance with it. */
  now: ReadonlySignal<number>;
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
 * Collapsed, the list shows only the most urgent rows: a 320-px sidebar shows
 * about ten, and the rows below them cost DOM, style and layout on every tick
 * and state change for nobody. The rest is one click away ("Show all").
 */
export const COLLAPSED_ROWS = 20;

/**
 * The shapes of the first `limit` rows as a signal that keeps the same array
 * (and the same shape objects) while only the clock moved, or while only rows
 * past the limit changed: the list re-renders on a state change among the rows
 * shown, and then only the rows that changed. The ticking figures are
 * rewritten by one clock effect for the rows in view (see createTicker).
 */
export function rowShapes(views: ReadonlySignal<TimerView[]>, limit: ReadonlySignal<number> = signal(Number.POSITIVE_INFINITY)): ReadonlySignal<RowShape[]> {
  let previous: RowShape[] = [];
  let byKey = new Map<string, RowShape>();
  return computed(() => {
    const list = views.value;
    const length = Math.min(list.length, limit.value);
    const next: RowShape[] = new Array(length);
    const nextByKey = new Map<string, RowShape>();
    let same = length === previous.length;
    for (let i = 0; i < length; i++) {
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
  now: ReadonlySignal<number>;
  onOpen: (key: string) => void;
  ticker: Ticker;
}

/** The texts of a row that move with the clock. */
interface RowTexts {
  elapsed: string;
  detail: string;
  window: string;
}

function rowTexts(v: TimerView | undefined, now: number, approximate: boolean): RowTexts {
  if (!v) return { elapsed: '', detail: '', window: '' };
  const f = advance(v, now);
  const approx = approximate ? '~' : '';
  const label = t.value[`state_${v.state}`];
  // Past the target, seconds add nothing: late rows count in whole minutes (and change once a minute).
  const elapsed = approx + (v.state === 'late' ? wholeMinutes(f.elapsedWallMs) : formatDuration(f.elapsedWallMs / 1000));
  // Seconds only where they matter (about to be late): fewer changing texts, less noise to read.
  const detail =
    v.state === 'soon'
      ? `${label} · ${t.value.left(approx + formatDuration(Math.max(0, f.leftMs) / 1000))}`
      : v.state === 'late'
        ? `${label} · ${t.value.over(approx + wholeMinutes(-f.leftMs))}`
        : `${label} · ${t.value.left(approx + wholeMinutes(f.leftMs))}`;
  const w = windowNotice({ windowLeftMs: f.windowLeftMs, humanAgentLeftMs: f.humanAgentLeftMs });
  const d = w ? approx + formatDuration(w.leftMs / 1000) : '';
  const window = !w ? '' : w.kind === 'messaging' ? t.value.windowLeft(d) : t.value.humanAgentLeft(d);
  return { elapsed, detail, window };
}

interface RowHandle {
  key: string;
  approximate: boolean;
  visible: boolean;
  els: { elapsed: HTMLElement | null; detail: HTMLElement | null; window: HTMLElement | null };
  last: RowTexts;
}

/**
 * One clock effect for the whole list: on each tick it rewrites the ticking
 * texts of the rows in view (an IntersectionObserver tells which), and only
 * the texts that changed. Rows out of view cost nothing until they scroll in.
 */
function createTicker(byKey: ReadonlySignal<Map<string, TimerView>>, now: ReadonlySignal<number>) {
  const rows = new Map<Element, RowHandle>();
  const write = (h: RowHandle, at: number) => {
    const next = rowTexts(byKey.peek().get(h.key), at, h.approximate);
    for (const part of ['elapsed', 'detail', 'window'] as const) {
      const el = h.els[part];
      if (!el || next[part] === h.last[part]) continue;
      // Write into the text node Preact rendered (it keeps a reference to it); never parsed as HTML.
      const node = el.firstChild;
      if (node && node.nodeType === 3 && !node.nextSibling) (node as Text).data = next[part];
      else el.textContent = next[part];
    }
    h.last = next;
  };
  const io =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const e of entries) {
              const h = rows.get(e.target);
              if (!h) continue;
              h.visible = e.isIntersecting;
              if (h.visible) write(h, now.peek());
            }
          },
          { rootMargin: '200px 0px' },
        )
      : null;
  const stop = effect(() => {
    const at = now.value;
    void byKey.value;
    void t.value; // the language changed: rewrite too
    for (const h of rows.values()) if (h.visible) write(h, at);
  });
  return {
    watch(li: Element, h: RowHandle) {
      rows.set(li, h);
      io?.observe(li);
      return () => {
        io?.unobserve(li);
        rows.delete(li);
      };
    },
    dispose() {
      stop();
      io?.disconnect();
      rows.clear();
    },
  };
}
type Ticker = ReturnType<typeof createTicker>;

function TimerRow({ shape, byKey, now, onOpen, ticker }: RowProps) {
  const li = useRef<HTMLLIElement>(null);
  const elapsed = useRef<HTMLSpanElement>(null);
  const detail = useRef<HTMLSpanElement>(null);
  const windowEl = useRef<HTMLSpanElement>(null);
  // What Preact renders; afterwards the ticker keeps these texts current.
  const texts = rowTexts(byKey.peek().get(shape.key), now.peek(), shape.approximate);
  const handle = useRef<RowHandle>({ key: shape.key, approximate: shape.approximate, visible: true, els: { elapsed: null, detail: null, window: null }, last: texts });
  handle.current.approximate = shape.approximate;
  handle.current.last = texts;
  useEffect(() => {
    handle.current.els = { elapsed: elapsed.current, detail: detail.current, window: windowEl.current };
  });
  useEffect(() => (li.current ? ticker.watch(li.current, handle.current) : undefined), [ticker]);
  return (
    <li ref={li}>
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
        <span class="ip-timer-elapsed" data-testid="timer-elapsed" ref={elapsed}>{texts.elapsed}</span>
        <span class={`ip-timer-detail ip-state-${shape.state}`} data-testid="timer-detail" ref={detail}>{texts.detail}</span>
        {shape.window && <span class="ip-timer-window" data-testid="timer-window" ref={windowEl}>{texts.window}</span>}
      </button>
    </li>
  );
}

interface GroupProps {
  shapes: RowShape[];
  byKey: ReadonlySignal<Map<string, TimerView>>;
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
function ShowAllToggle({ total, expanded, listId }: { total: ReadonlySignal<number>; expanded: { value: boolean }; listId: string }) {
  const n = total.value;
  if (n <= COLLAPSED_ROWS) return null;
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

export function TimersPanel({ views, now, health, today, targetMinutes, open }: TimersPanelProps) {
  const expanded = useSignal(false);
  const limit = useComputed(() => (expanded.value ? Number.POSITIVE_INFINITY : COLLAPSED_ROWS));
  const shapes = useMemo(() => rowShapes(views, limit), [views]);
  const total = useComputed(() => views.value.length);
  // Only the rows shown: the ticker looks their figures up here.
  const byKey = useMemo(
    () =>
      computed(() => {
        const list = views.value;
        const map = new Map<string, TimerView>();
        for (let i = 0, n = Math.min(list.length, limit.value); i < n; i++) map.set(list[i]!.key, list[i]!);
        return map;
      }),
    [views],
  );
  const ticker = useMemo(() => createTicker(byKey, now), [byKey, now]);
  useEffect(() => ticker.dispose, [ticker]);
  const openFailed = useSignal(false);
  const onOpen = useMemo(() => (key: string) => void (openFailed.value = !open(key)), [open]);
  const listId = useId();
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
        <ul class="ip-list" id={listId} aria-label={t.value.listLabel} data-testid="timers-list">
          {groups(list, GROUP_SIZE).map((group, i) => (
            <RowGroup key={i} shapes={group} byKey={byKey} now={now} onOpen={onOpen} ticker={ticker} locale={locale} />
          ))}
        </ul>
      )}
      <ShowAllToggle total={total} expanded={expanded} listId={listId} />
      {list.some((s) => s.approximate) && <p class="ip-muted ip-timers-hint">{t.value.approxHint}</p>}
    </div>
  );
}

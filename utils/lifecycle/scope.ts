import { effect as signalEffect } from '@preact/signals';
import { onMessages, type Handlers } from '../messaging';

/**
 * A feature's scope (issue 12): the one way a feature binds its lifecycle.
 *
 * A scope is a child AbortController of its parent (the session's context): aborting the parent
 * aborts every scope under it. Everything a feature starts goes through its scope's helpers
 * (`effect`, `interval`, `timeout`, `listen`, `onMessage`, `guard`, `onDispose`), so that:
 * - stopping the feature (switched off, session ended, failed) removes every listener, timer and effect;
 * - an error thrown inside any of them is caught, logged once with the feature's id, and marks the
 *   feature failed (`onFail`): the scope is then aborted, so a broken feature stops alone while the
 *   other features and the inbox's event stream go on.
 */
export interface Scope {
  readonly id: string;
  readonly signal: AbortSignal;
  /** True once the scope was aborted (stopped, failed, or its parent ended). */
  readonly isInvalid: boolean;
  /** A signals effect bound to the scope. */
  effect(fn: () => void | (() => void)): void;
  /** setInterval bound to the scope. */
  interval(fn: () => void, ms: number): void;
  /** setTimeout bound to the scope. */
  timeout(fn: () => void, ms: number): void;
  /** addEventListener bound to the scope (a plain listener: no WXT location watcher is started). */
  listen<E extends Event = Event>(target: EventTarget, type: string, handler: (event: E) => void, options?: AddEventListenerOptions): void;
  /** Runtime message handlers bound to the scope; a handler's error fails the feature and answers with a code. */
  onMessage(handlers: Handlers): void;
  /** Wraps a callback handed to someone else (an event subscription, a promise continuation). */
  guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  /** Runs at teardown (also after a failure). Same shape as ContentScriptContext.onInvalidated. */
  onInvalidated(fn: () => void): void;
  /** Marks the feature failed (an error caught elsewhere, e.g. an error boundary). */
  fail(error: unknown): void;
  /** Ends the scope normally (the feature was switched off). */
  dispose(): void;
}

export interface ScopeOptions {
  id: string;
  parent: AbortSignal;
  /** Called once, on the first error. */
  onFail?: (error: unknown) => void;
  /** Where errors are logged (console.warn by default; tests pass a spy). */
  log?: (message: string, error: unknown) => void;
}

/** Live scopes and the listeners/timers they hold: a test hook counting what a feature registered. */
export const liveScopes = new Map<string, { listeners: number; timers: number; effects: number; messages: number }>();

export function createScope({ id, parent, onFail, log = (m, e) => console.warn(m, e) }: ScopeOptions): Scope {
  const controller = new AbortController();
  const { signal } = controller;
  const counts = { listeners: 0, timers: 0, effects: 0, messages: 0 };
  let failed = false;

  const abortWithParent = () => controller.abort(parent.reason);
  if (parent.aborted) controller.abort(parent.reason);
  else parent.addEventListener('abort', abortWithParent, { once: true });
  if (!signal.aborted) liveScopes.set(id, counts);
  signal.addEventListener(
    'abort',
    () => {
      parent.removeEventListener('abort', abortWithParent);
      if (liveScopes.get(id) === counts) liveScopes.delete(id);
    },
    { once: true },
  );

  const fail = (error: unknown) => {
    if (failed || signal.aborted) return;
    failed = true;
    log(`[Inbox Pilot] feature "${id}" stopped`, error);
    try {
      onFail?.(error);
    } catch {
      /* the host's own bookkeeping must not throw back into the feature */
    }
    controller.abort(error);
  };

  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      if (signal.aborted) return;
      try {
        fn(...args);
      } catch (error) {
        fail(error);
      }
    };

  const onInvalidated = (fn: () => void) => {
    if (signal.aborted) return void fn();
    signal.addEventListener(
      'abort',
      () => {
        try {
          fn();
        } catch (error) {
          log(`[Inbox Pilot] feature "${id}" could not clean up`, error);
        }
      },
      { once: true },
    );
  };

  return {
    id,
    signal,
    get isInvalid() {
      return signal.aborted;
    },
    effect(fn) {
      if (signal.aborted) return;
      counts.effects++;
      const dispose = signalEffect(() => {
        if (signal.aborted) return;
        try {
          return fn();
        } catch (error) {
          // Not rethrown: a throwing effect would otherwise throw into whoever wrote the signal.
          queueMicrotask(() => fail(error));
        }
      });
      onInvalidated(() => {
        counts.effects--;
        dispose();
      });
    },
    interval(fn, ms) {
      if (signal.aborted) return;
      counts.timers++;
      const id = setInterval(guard(fn), ms);
      onInvalidated(() => {
        counts.timers--;
        clearInterval(id);
      });
    },
    timeout(fn, ms) {
      if (signal.aborted) return;
      counts.timers++;
      let done = false;
      const id = setTimeout(() => {
        done = true;
        counts.timers--;
        guard(fn)();
      }, ms);
      onInvalidated(() => {
        if (done) return;
        counts.timers--;
        clearTimeout(id);
      });
    },
    listen(target, type, handler, options) {
      if (signal.aborted) return;
      counts.listeners++;
      target.addEventListener(type, guard(handler as (e: Event) => void), { ...options, signal });
      onInvalidated(() => void counts.listeners--);
    },
    onMessage(handlers) {
      if (signal.aborted) return;
      const wrapped: Handlers = {};
      for (const [type, handler] of Object.entries(handlers) as Array<[keyof Handlers, (...a: unknown[]) => unknown]>) {
        (wrapped as Record<string, unknown>)[type] = async (...args: unknown[]) => {
          try {
            return await handler(...args);
          } catch (error) {
            fail(error);
            throw error;
          }
        };
      }
      counts.messages += Object.keys(wrapped).length;
      onMessages(wrapped, signal);
      onInvalidated(() => void (counts.messages -= Object.keys(wrapped).length));
    },
    guard,
    onInvalidated,
    fail,
    dispose() {
      controller.abort('stopped');
    },
  };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing';
import { createScope, liveScopes } from '../../../utils/lifecycle/scope';
import { MessageError, sendMessage } from '../../../utils/messaging';

/** fakeBrowser's events have hasListeners() at runtime; its types do not say so. */
const hasMessageListeners = () => (fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean }).hasListeners();
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function make(id = 'f') {
  const parent = new AbortController();
  const log = vi.fn();
  const onFail = vi.fn();
  const scope = createScope({ id, parent: parent.signal, onFail, log });
  return { parent, log, onFail, scope };
}

afterEach(() => liveScopes.clear());

describe('feature scope', () => {
  it('a throwing effect is caught: the signal write succeeds, the feature is failed once, logged with its id', async () => {
    const { scope, log, onFail } = make('draft');
    const s = signal(0);
    let runs = 0;
    scope.effect(() => {
      runs++;
      if (s.value >= 1) throw new Error('boom');
    });
    expect(() => (s.value = 1)).not.toThrow();
    expect(() => (s.value = 2)).not.toThrow();
    await tick();
    expect(onFail).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toContain('"draft"');
    expect(scope.isInvalid).toBe(true);
    // Disposed with the scope: no more runs.
    const before = runs;
    s.value = 3;
    expect(runs).toBe(before);
  });

  it('a throwing interval, timeout or listener fails the feature and stops the others of its scope', async () => {
    for (const kind of ['interval', 'timeout', 'listen'] as const) {
      const { scope, onFail } = make(kind);
      const target = new EventTarget();
      let calls = 0;
      const counted = () => void calls++;
      target.addEventListener('ping', counted);
      if (kind === 'interval') scope.interval(() => { throw new Error(kind); }, 5);
      if (kind === 'timeout') scope.timeout(() => { throw new Error(kind); }, 5);
      if (kind === 'listen') scope.listen(target, 'ping', () => { throw new Error(kind); });
      let other = 0;
      scope.interval(() => void other++, 1);
      if (kind === 'listen') target.dispatchEvent(new Event('ping'));
      await tick(30);
      expect(onFail, kind).toHaveBeenCalledTimes(1);
      const frozen = other;
      await tick(20);
      expect(other, kind).toBe(frozen); // the scope's other timer stopped with it
      expect(calls).toBeLessThanOrEqual(1);
    }
  });

  it('aborting the parent (session ended) tears down effects, timers and listeners; onInvalidated runs once', async () => {
    const { scope, parent, onFail } = make();
    const s = signal(0);
    let runs = 0;
    let ticks = 0;
    let heard = 0;
    const target = new EventTarget();
    scope.effect(() => void (runs++, s.value));
    scope.interval(() => void ticks++, 1);
    scope.listen(target, 'x', () => void heard++);
    const cleanup = vi.fn();
    scope.onInvalidated(cleanup);
    expect(liveScopes.get('f')).toEqual({ listeners: 1, timers: 1, effects: 1, messages: 0 });
    parent.abort();
    s.value = 1;
    target.dispatchEvent(new Event('x'));
    await tick(10);
    expect([runs, ticks, heard]).toEqual([1, 0, 0]);
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(onFail).not.toHaveBeenCalled();
    expect(liveScopes.has('f')).toBe(false);
  });

  it('a throwing message handler fails the feature and answers with a code; the handler is then removed', async () => {
    const { scope, onFail } = make('crash-test');
    scope.onMessage({ 'crash-test:boom': () => { throw new Error('handler failed'); } });
    expect(hasMessageListeners()).toBe(true);
    const error = await sendMessage('crash-test:boom', undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).code).toBe('failed');
    expect(onFail).toHaveBeenCalledTimes(1);
    expect(hasMessageListeners()).toBe(false);
    const after = await sendMessage('crash-test:boom', undefined).catch((e: unknown) => e);
    expect(after).toBeInstanceOf(Error);
  });

  it('guard wraps callbacks handed to others; dispose ends the scope without a failure', () => {
    const { scope, onFail } = make();
    const cb = scope.guard((n: number) => {
      if (n > 1) throw new Error('bad');
    });
    cb(1);
    expect(onFail).not.toHaveBeenCalled();
    cb(2);
    expect(onFail).toHaveBeenCalledTimes(1);
    const other = make('other');
    other.scope.dispose();
    expect(other.scope.isInvalid).toBe(true);
    expect(other.onFail).not.toHaveBeenCalled();
  });
});

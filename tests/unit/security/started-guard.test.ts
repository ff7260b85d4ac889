import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { guardAgainstForgedStart, SCRIPT_STARTED_MESSAGE_TYPE } from '../../../utils/lifecycle/started-guard';

/**
 * A page posting WXT's `content-script-started` message with our id and script name must not stop
 * the content script (issue 16); an announcement from a newer instance, which can only exist once
 * this context is orphaned, still does.
 */
const NAME = 'inbox';
const forged = () => ({ type: SCRIPT_STARTED_MESSAGE_TYPE, contentScriptName: NAME, messageId: Math.random().toString(36).slice(2) });
const post = async (data: unknown) => {
  window.dispatchEvent(new MessageEvent('message', { data, source: window }));
  await new Promise((r) => setTimeout(r, 0));
};

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

function start() {
  const ctx = new ContentScriptContext(NAME);
  cleanups.push(() => ctx.abort('test over'));
  return ctx;
}

describe("WXT's started message from the page", () => {
  it('without the guard, a forged message stops the script (the bug this guards against)', async () => {
    const ctx = start();
    await post(forged()); // the first announcement is the script's own, ignored
    await post(forged());
    expect(ctx.signal.aborted).toBe(true);
  });

  it('with the guard, forged messages (any number) leave the script running', async () => {
    const ctx = start();
    cleanups.push(guardAgainstForgedStart(ctx, window, () => true));
    for (let i = 0; i < 5; i++) await post(forged());
    expect(ctx.signal.aborted).toBe(false);
  });

  it('lets a genuine newer instance through: this context is orphaned (runtime id gone)', async () => {
    const ctx = start();
    let alive = true;
    cleanups.push(guardAgainstForgedStart(ctx, window, () => alive));
    await post(forged());
    await post(forged());
    expect(ctx.signal.aborted).toBe(false);
    alive = false; // the extension was reloaded: a newer script is now legitimate
    await post(forged());
    expect(ctx.signal.aborted).toBe(true);
  });

  it('leaves other messages alone', async () => {
    const seen: unknown[] = [];
    const listener = (e: MessageEvent) => seen.push(e.data);
    window.addEventListener('message', listener);
    cleanups.push(() => window.removeEventListener('message', listener));
    const ctx = start();
    cleanups.push(guardAgainstForgedStart(ctx, window, () => true));
    await post({ type: 'something-else' });
    await post('text');
    expect(seen).toHaveLength(2);
    expect(ctx.signal.aborted).toBe(false);
  });
});

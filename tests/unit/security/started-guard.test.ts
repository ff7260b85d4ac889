import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { guardAgainstForgedStart } from '../../../utils/lifecycle/started-guard';

/**
 * A page posting WXT's `content-script-started` message with our id and script name must not stop
 * the content script (issue 16); an announcement from a newer instance, which can only exist once
 * this context is orphaned, still does. The e2e twin (tests/e2e/security.e2e.ts) forges it from a
 * real page script.
 */
const NAME = 'inbox';
const TYPE = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
const announcement = (name = NAME) => ({ type: TYPE, contentScriptName: name, messageId: Math.random().toString(36).slice(2) });
const settle = () => new Promise((r) => setTimeout(r, 20));
const post = async (data: unknown) => {
  window.postMessage(data, '*');
  await settle();
};

let contexts: ContentScriptContext[] = [];
afterEach(() => {
  contexts.forEach((c) => c.abort('test over'));
  contexts = [];
});

/** A context as WXT starts one: its own announcement is posted and arrives after main() began. */
async function start(guard: boolean, alive: () => boolean = () => true) {
  const ctx = new ContentScriptContext(NAME);
  contexts.push(ctx);
  if (guard) guardAgainstForgedStart(ctx, alive);
  await settle();
  return ctx;
}

describe("WXT's content-script-started message", () => {
  it('the message is what WXT 0.20 acts on: without the guard, one forged message stops the script', async () => {
    const ctx = await start(false);
    expect(ctx.signal.aborted).toBe(false);
    await post(announcement());
    expect(ctx.signal.aborted).toBe(true);
  });

  it('with the guard, forged messages (any number) leave the script running', async () => {
    const ctx = await start(true);
    for (let i = 0; i < 5; i++) await post(announcement());
    expect(ctx.signal.aborted).toBe(false);
  });

  it('lets a genuine newer instance stop it: this context is orphaned (runtime id gone)', async () => {
    let alive = true;
    const ctx = await start(true, () => alive);
    await post(announcement());
    expect(ctx.signal.aborted).toBe(false);
    alive = false; // the extension was reloaded: a newer script is now the legitimate one
    await post(announcement());
    expect(ctx.signal.aborted).toBe(true);
  });

  it('still ignores other scripts\' announcements and other messages', async () => {
    const ctx = await start(true, () => false);
    await post(announcement('other-script'));
    await post({ type: 'something-else' });
    await post('text');
    expect(ctx.signal.aborted).toBe(false);
  });
});

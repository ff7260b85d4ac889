import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLocationWatcher } from '../../../utils/lifecycle/location';

/** A window with a settable URL and, optionally, a Navigation API object (an EventTarget). */
function fakeWindow(navigation: boolean) {
  const target = new EventTarget();
  const win = {
    location: { href: 'https://business.facebook.com/latest/home?asset_id=1' },
    navigation: navigation ? new EventTarget() : undefined,
    addEventListener: target.addEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
  };
  return win as typeof win & Window;
}
const nav = (win: Window) => (win as unknown as { navigation: EventTarget }).navigation;

afterEach(() => vi.useRealTimers());

describe('location watcher', () => {
  it('with the Navigation API: reports each change from its events, and sets no timer', () => {
    vi.useFakeTimers();
    const win = fakeWindow(true);
    const watcher = createLocationWatcher(win);
    const seen: string[][] = [];
    const abort = new AbortController();
    watcher.subscribe(abort.signal, (n, o) => seen.push([o.pathname, n.pathname]));
    expect(watcher.mode).toBe('events');
    expect(vi.getTimerCount()).toBe(0);
    win.location.href = 'https://business.facebook.com/latest/inbox/all?asset_id=1';
    nav(win).dispatchEvent(new Event('currententrychange'));
    nav(win).dispatchEvent(new Event('navigatesuccess')); // the same change: reported once
    win.location.href = 'https://business.facebook.com/latest/inbox/all?asset_id=1#x';
    win.dispatchEvent(new Event('hashchange'));
    win.location.href = 'https://business.facebook.com/latest/home?asset_id=1';
    win.dispatchEvent(new Event('popstate'));
    vi.advanceTimersByTime(10_000);
    expect(seen).toEqual([
      ['/latest/home', '/latest/inbox/all'],
      ['/latest/inbox/all', '/latest/inbox/all'],
      ['/latest/inbox/all', '/latest/home'],
    ]);
    expect(vi.getTimerCount()).toBe(0);
    abort.abort();
    expect(watcher.mode).toBe('off');
    win.location.href = 'https://business.facebook.com/latest/inbox/all?asset_id=2';
    nav(win).dispatchEvent(new Event('currententrychange'));
    expect(seen).toHaveLength(3);
  });

  it('without it: one 1-s check for all subscribers, stopped with the last one', () => {
    vi.useFakeTimers();
    const win = fakeWindow(false);
    const watcher = createLocationWatcher(win);
    const a = new AbortController();
    const b = new AbortController();
    const seen: string[] = [];
    watcher.subscribe(a.signal, (n) => seen.push(`a ${n.pathname}`));
    watcher.subscribe(b.signal, (n) => seen.push(`b ${n.pathname}`));
    expect(watcher.mode).toBe('poll');
    expect(vi.getTimerCount()).toBe(1);
    win.location.href = 'https://business.facebook.com/latest/inbox/all';
    vi.advanceTimersByTime(999);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['a /latest/inbox/all', 'b /latest/inbox/all']);
    a.abort();
    expect(vi.getTimerCount()).toBe(1);
    b.abort();
    expect(vi.getTimerCount()).toBe(0);
    expect(watcher.mode).toBe('off');
  });

  it('a listener that ends another subscription (leaving the inbox ends the session) stops it at once; a failing one stops no other', () => {
    const win = fakeWindow(true);
    const watcher = createLocationWatcher(win);
    const session = new AbortController();
    const seen: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    watcher.subscribe(new AbortController().signal, () => {
      throw new Error('boom');
    });
    watcher.subscribe(new AbortController().signal, () => session.abort());
    watcher.subscribe(session.signal, () => seen.push('session'));
    win.location.href = 'https://business.facebook.com/latest/home';
    nav(win).dispatchEvent(new Event('currententrychange'));
    expect(seen).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('an aborted signal subscribes nothing and starts nothing', () => {
    const watcher = createLocationWatcher(fakeWindow(false));
    const abort = new AbortController();
    abort.abort();
    watcher.subscribe(abort.signal, () => undefined);
    expect(watcher.mode).toBe('off');
  });
});

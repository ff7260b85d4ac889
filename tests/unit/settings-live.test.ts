import { describe, expect, it } from 'vitest';
import { storage } from 'wxt/utils/storage';
import { liveItem } from '../../utils/settings/live';

describe('liveItem', () => {
  it('loads the stored value, then follows writes', async () => {
    const item = storage.defineItem<number>('local:test.live', { fallback: 1 });
    await item.setValue(2);
    const live = liveItem(item, 1, new AbortController().signal);
    await live.ready;
    expect(live.value).toBe(2);
    await item.setValue(3);
    await new Promise((r) => setTimeout(r, 0));
    expect(live.value).toBe(3);
  });

  it('keeps a write that lands before the first read resolves', async () => {
    const item = storage.defineItem<number>('local:test.race', { fallback: 1 });
    const live = liveItem(item, 1, new AbortController().signal);
    await item.setValue(5);
    await live.ready;
    await new Promise((r) => setTimeout(r, 0));
    expect(live.value).toBe(5);
  });

  it('stops following after abort', async () => {
    const item = storage.defineItem<number>('local:test.abort', { fallback: 1 });
    const controller = new AbortController();
    const live = liveItem(item, 1, controller.signal);
    await live.ready;
    controller.abort();
    await item.setValue(9);
    await new Promise((r) => setTimeout(r, 0));
    expect(live.value).toBe(1);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { hearTabMessagesThrough, onMessages, type RawMessageListener } from '../../../utils/messaging';
import { frameStyle } from '../../../components/sidebar/page-host';
import { COLLAPSED_WIDTH, SIDEBAR_WIDTH } from '../../../components/sidebar/sizes';
// The real loader (vitest.config.ts aliases the extension-less path to a stand-in for the other tests).
import { importChunksWith, loadChunk } from '../../../utils/lazy/load.ts';

afterEach(() => hearTabMessagesThrough(null));

describe("the sidebar frame's messages (utils/messaging)", () => {
  it('hears the messages sent to the tab through the bridge, not runtime.onMessage, once a source is set', async () => {
    const listeners = new Set<RawMessageListener>();
    hearTabMessagesThrough((listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    });
    const onRuntime = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const done = new AbortController();
    onMessages({ 'replies:insert-top': () => ({ inserted: true }) }, done.signal);
    expect(onRuntime).not.toHaveBeenCalled();
    expect(listeners.size).toBe(1);
    const [listener] = [...listeners];
    const reply = await new Promise((resolve) => listener!({ app: 'inbox-pilot', type: 'replies:insert-top', data: undefined }, {}, resolve));
    expect(reply).toEqual({ ok: true, value: { inserted: true } });
    done.abort();
    expect(listeners.size).toBe(0);
  });

  it('uses runtime.onMessage without a source (the worker, the content script, the popup)', () => {
    const onRuntime = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const stop = onMessages({ 'core:ping': () => ({ at: 1 }) });
    expect(onRuntime).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe("the frame's box on the page (frameStyle)", () => {
  const props = (style: string) => Object.fromEntries(style.split(';').filter(Boolean).map((d) => d.split(':') as [string, string]));

  it('is the whole height at the right edge when open', () => {
    const s = props(frameStyle(false, 0, true));
    expect(s).toMatchObject({ position: 'fixed', right: '0', top: '0', height: '100vh', width: `${SIDEBAR_WIDTH}px` });
  });

  it("is the collapsed tab's box, as the frame measured it (a default until then)", () => {
    expect(props(frameStyle(true, 96, true))).toMatchObject({ top: '40%', height: '96px', width: `${COLLAPSED_WIDTH}px` });
    expect(props(frameStyle(true, 0, true)).height).toBe('120px');
  });

  it('is hidden off the inbox', () => {
    expect(props(frameStyle(false, 0, false)).display).toBe('none');
  });
});

describe('lazy chunks in an extension page (importChunksWith)', () => {
  it("imports a chunk through the page's own importer, once", async () => {
    const module = { start: () => undefined };
    const importer = vi.fn(async () => module);
    importChunksWith(importer);
    expect(await loadChunk('timers')).toBe(module);
    expect(await loadChunk('timers')).toBe(module);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(importer).toHaveBeenCalledWith('timers');
  });

  it('tries again after a chunk failed to load', async () => {
    const importer = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue({ ok: true });
    importChunksWith(importer);
    await expect(loadChunk('draft')).rejects.toThrow('offline');
    expect(await loadChunk('draft')).toEqual({ ok: true });
  });
});

describe("the content script's features, as the sidebar names them", () => {
  it('page-metas.ts lists the metas of page.ts, in order', async () => {
    const { pageFeatures } = await import('../../../components/features/registry/page');
    const { pageFeatureMetas } = await import('../../../components/features/registry/page-metas');
    expect(pageFeatureMetas).toEqual(pageFeatures.map((f) => f.meta));
  });
});

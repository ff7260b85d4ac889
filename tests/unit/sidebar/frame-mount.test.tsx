import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing';
import { mountSidebar } from '../../../components/sidebar/mount';
import { statsMeta } from '../../../components/features/stats/feature';
import type { PageBridge } from '../../../utils/frame/remote';
import type { PageFeatureState } from '../../../utils/frame/protocol';
import type { InboxSnapshot } from '../../../utils/inbox/types';

const snapshot: InboxSnapshot = {
  url: 'https://business.facebook.com/latest/inbox/all',
  takenAt: 1,
  locale: 'en',
  page: { assetId: 'p1', name: null },
  conversations: [],
  open: null,
  composer: { found: false, enabled: false, text: '', kind: null },
  health: { found: { list: true, thread: true, composer: true }, missing: [], recognized: true },
};

function fakeBridge() {
  const pageFeatures = signal<PageFeatureState[]>([{ id: 'stats', state: 'running' }]);
  const sizes: Array<{ collapsed: boolean; height: number }> = [];
  const retried: string[] = [];
  const bridge: PageBridge = {
    inbox: { snapshot: signal(snapshot), onEvent: () => () => undefined, openConversation: () => true, insertText: async () => ({ ok: false, reason: 'no-composer' }) },
    hostDark: signal(false),
    shown: signal(true),
    pageFeatures,
    retryPageFeature: (id) => void retried.push(id),
    layoutReport: async () => 'report',
    reportSize: (size) => void sizes.push(size),
    tabMessages: () => () => undefined,
  };
  return { bridge, pageFeatures, sizes, retried };
}

let done: AbortController;
beforeEach(() => {
  fakeBrowser.reset();
  done = new AbortController();
  // happy-dom has no ResizeObserver; the frame's sizes are checked through the reports it still sends.
  vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
});
afterEach(() => {
  done.abort();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

const frame = () => new Promise<void>((resolve) => setTimeout(resolve, 40));

describe('the sidebar in its frame (mountSidebar)', () => {
  it("shows a failed feature of the content script's with Retry, which asks the page to start it again", async () => {
    const { bridge, pageFeatures, retried } = fakeBridge();
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => void (await mountSidebar(done.signal, [], [statsMeta], bridge, container)));
    expect(container.querySelector('[data-feature="stats"]')).toBeNull(); // running, no panel: no section
    await act(async () => void (pageFeatures.value = [{ id: 'stats', state: 'failed' }]));
    const section = container.querySelector('[data-feature="stats"]');
    expect(section?.querySelector('[data-testid="feature-stopped"]')).not.toBeNull();
    await act(async () => (section!.querySelector('[data-testid="feature-retry"]') as HTMLButtonElement).click());
    expect(retried).toEqual(['stats']);
  });

  it('tells the page what it draws: open, then collapsed', async () => {
    const { bridge, sizes } = fakeBridge();
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => void (await mountSidebar(done.signal, [], [], bridge, container)));
    await act(frame);
    expect(sizes.at(-1)?.collapsed).toBe(false);
    await act(async () => (container.querySelector('[data-testid="sidebar-toggle"]') as HTMLButtonElement).click());
    await act(frame);
    await act(frame);
    expect(sizes.at(-1)?.collapsed).toBe(true);
  });

  it('draws nothing more once its page goes away', async () => {
    const { bridge } = fakeBridge();
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => void (await mountSidebar(done.signal, [], [], bridge, container)));
    expect(container.querySelector('[data-testid="inbox-pilot-sidebar"]')).not.toBeNull();
    await act(async () => done.abort());
    expect(container.querySelector('[data-testid="inbox-pilot-sidebar"]')).toBeNull();
  });
});

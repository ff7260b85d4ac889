// Helper of scripts/bench/inbox.mjs (not a bench): bundled into the simulated inbox page (main world) to time the adapter in real Chromium.
import { takeSnapshot } from '../../../utils/inbox/snapshot';
import { createInboxSource } from '../../../utils/inbox/live';

const w = window as unknown as Record<string, unknown>;
w.__inboxBench = {
  snapshots(n: number) {
    const times: number[] = [];
    let rows = 0;
    let messages = 0;
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const s = takeSnapshot(document, location.href, Date.now());
      times.push(performance.now() - t);
      rows = s.conversations.length;
      messages = s.open?.messages.length ?? 0;
    }
    return { times, rows, messages };
  },
  startObserver() {
    const batches: Array<{ ms: number; records: number; layout: number }> = [];
    const abort = new AbortController();
    const ctx = { signal: abort.signal, onInvalidated: (cb: () => void) => abort.signal.addEventListener('abort', cb) };
    createInboxSource(ctx as never, { agentName: () => 'Marie', onBatchTimed: (ms, records, layout) => batches.push({ ms, records, layout }) });
    w.__inboxBenchStop = () => abort.abort();
    w.__inboxBenchBatches = batches;
  },
};

import { readList, readThread, readComposer, readPageName, snapshotContext } from '../../../utils/inbox/snapshot';
w.__inboxBenchParts = (n: number) => {
  const acc = { ctx: 0, list: 0, thread: 0, composer: 0, page: 0 };
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    const c = snapshotContext(document, location.href, Date.now(), {});
    acc.ctx += performance.now() - t;
    t = performance.now();
    const l = readList(c);
    acc.list += performance.now() - t;
    t = performance.now();
    readThread(c, l.conversations);
    acc.thread += performance.now() - t;
    t = performance.now();
    readComposer(document);
    acc.composer += performance.now() - t;
    t = performance.now();
    readPageName(document);
    acc.page += performance.now() - t;
  }
  return Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, v / n]));
};

// DOM reads the adapter makes, counted (load-independent): per snapshot (takeSnapshot) and per observer batch,
// on the simulated inbox (500 conversations, 300 messages) in each layout, through the inbox bench's traffic.
// Counted: querySelectorAll, querySelector, closest, matches, getComputedStyle, getBoundingClientRect, and the
// layout-forcing getters (innerText, offset*/client*); textContent reads are counted apart (cheap, no layout).
//   node scripts/bench/lib/count-inbox.mjs [layout…]   (BENCH_ENTRY=<another build's inbox-entry.ts>, say a base commit's)
import { bundle, launchSim, openSimInbox } from './sim-page.mjs';

// Installed in the page after the sim rendered: wraps the DOM methods with counters that count only while
// `window.__count.on` is set. A batch starts with the adapter's flush of the page's layout (the bench seam's
// document.body.getBoundingClientRect() in live.ts) and ends with its onBatchTimed call.
const counter = () => {
  const c = (window.__count = { on: false, n: {} });
  const bump = (k) => {
    if (c.on) c.n[k] = (c.n[k] ?? 0) + 1;
  };
  const wrap = (proto, key, label = key) => {
    const f = proto[key];
    proto[key] = function (...a) {
      bump(label);
      return f.apply(this, a);
    };
  };
  // Elements a query walks: all of its root's for querySelectorAll or a miss, up to the match for querySelector.
  const size = (root) => root.getElementsByTagName('*').length;
  const walked = (root, match) => {
    if (!match) return size(root);
    let n = 0;
    for (const it = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT); it.nextNode() && it.currentNode !== match; ) n++;
    return n + 1;
  };
  c.walks = {};
  c.calls = {};
  const call = (what, sel) => {
    if (c.on) c.calls[`${what} ${sel}`] = (c.calls[`${what} ${sel}`] ?? 0) + 1;
  };
  const walk = (sel, n) => {
    if (!c.on) return;
    c.n.walked = (c.n.walked ?? 0) + n;
    c.walks[sel] = (c.walks[sel] ?? 0) + n;
  };
  for (const p of [Element.prototype, Document.prototype]) {
    const qsa = p.querySelectorAll;
    const qs = p.querySelector;
    p.querySelectorAll = function (sel) {
      bump('querySelectorAll');
      call('qsa', sel);
      const r = qsa.call(this, sel);
      if (c.on) walk(sel, size(this));
      return r;
    };
    p.querySelector = function (sel) {
      bump('querySelector');
      call('qs', sel);
      const r = qs.call(this, sel);
      if (c.on) walk(sel, walked(this, r));
      return r;
    };
  }
  for (const m of ['closest', 'matches']) {
    const f = Element.prototype[m];
    Element.prototype[m] = function (sel) {
      bump(m);
      call(m, sel);
      return f.call(this, sel);
    };
  }
  wrap(window, 'getComputedStyle');
  const gbcr = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function () {
    if (this === document.body && c.batch) c.on = true; // the bench seam: a batch starts
    else bump('getBoundingClientRect');
    return gbcr.call(this);
  };
  const getter = (proto, key) => {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    Object.defineProperty(proto, key, { ...d, get() { bump(key); return d.get.call(this); } });
  };
  getter(HTMLElement.prototype, 'innerText');
  for (const k of ['offsetHeight', 'offsetWidth', 'offsetTop', 'offsetLeft']) getter(HTMLElement.prototype, k);
  for (const k of ['clientHeight', 'clientWidth']) getter(Element.prototype, k);
  getter(Node.prototype, 'textContent');
};

const layouts = process.argv.slice(2).length ? process.argv.slice(2) : ['2026', '2025-11'];
const code = await bundle(process.env.BENCH_ENTRY || undefined);
const { browser, context } = await launchSim();
try {
  for (const layout of layouts) {
    const { page, id } = await openSimInbox(context, layout);
    await page.addScriptTag({ content: code });
    await page.evaluate(counter);
    const perSnapshot = await page.evaluate((COUNT_CALLS) => {
      const c = window.__count;
      window.__inboxBench.snapshots(2);
      c.n = {};
      c.walks = {};
      c.calls = {};
      c.on = true;
      window.__inboxBench.snapshots(20);
      c.on = false;
      const walks = Object.entries(c.walks).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => [k.slice(0, 90), v / 20]);
      const calls = Object.entries(c.calls).sort((a, b) => b[1] - a[1]).slice(0, Number(COUNT_CALLS)).map(([k, v]) => [k.slice(0, 100), v / 20]);
      return { calls, counts: Object.fromEntries(Object.entries(c.n).map(([k, v]) => [k, v / 20])), walks };
    }, process.env.COUNT_CALLS ?? 0);
    await page.evaluate(() => {
      const c = window.__count;
      c.n = {};
      c.batches = [];
      c.batch = true;
      window.__inboxBench.startObserver();
      const batches = window.__inboxBenchBatches;
      const push = batches.push.bind(batches);
      batches.push = (b) => {
        c.on = false;
        c.batches.push({ records: b.records, ...c.n });
        c.n = {};
        return push(b);
      };
    });
    await page.waitForTimeout(300);
    await page.evaluate(() => window.__count.batches.splice(0));
    for (let round = 0; round < 5; round++) {
      await page.evaluate(() => window.__sim.burst(1000));
      await page.waitForTimeout(300);
      await page.evaluate((id) => window.__sim.addCustomerMessage(id, 'Hello, is anyone there?'), id);
      await page.waitForTimeout(300);
    }
    const batches = await page.evaluate(() => window.__count.batches.slice());
    console.log(`== ${layout}: DOM reads per snapshot`);
    console.log(JSON.stringify(perSnapshot.counts));
    console.log('elements walked per snapshot, by selector (top 12):');
    for (const [sel, n] of perSnapshot.walks) console.log(`  ${String(n).padStart(6)}  ${sel}`);
    if (perSnapshot.calls.length) console.log('calls per snapshot, by method and selector:');
    for (const [k, n] of perSnapshot.calls) console.log(`  ${String(n).padStart(6)}  ${k}`);
    console.log(`== ${layout}: DOM reads per batch (${batches.length} batches)`);
    for (const b of batches) console.log(JSON.stringify(b));
    await page.close();
  }
} finally {
  await browser.close();
}

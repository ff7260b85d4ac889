// Diagnostic for issue 14 (not shipped): what would the burst cost if the sidebar were drawn by an extension
// page in an iframe (its own renderer process) instead of inside the inbox's document? Copies a build and adds
// a second content script that mirrors the sidebar's shadow root, on each change (batched in a frame), into a
// 320-px extension iframe at the right edge. Run the burst with the real sidebar hidden
// (BENCH_SIDEBAR_CSS=':host{display:none!important}'): the page then still runs all of the extension's script
// (the Preact render included, into the hidden root) plus the mirror's serialization, and draws only the iframe.
//   node scripts/bench/lib/make-iframe-probe.mjs [build=.output/chrome-mv3] [out=bench-output/iframe-probe]
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './sim-page.mjs';

const from = path.resolve(ROOT, process.argv[2] ?? '.output/chrome-mv3');
const to = path.resolve(ROOT, process.argv[3] ?? 'bench-output/iframe-probe');
await rm(to, { recursive: true, force: true });
await cp(from, to, { recursive: true });

const manifestPath = path.join(to, 'manifest.json');
const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
manifest.content_scripts[0].js.push('probe-cs.js');
manifest.web_accessible_resources[0].resources.push('probe.html');
await writeFile(manifestPath, JSON.stringify(manifest, null, 1));

await writeFile(path.join(to, 'probe.html'), '<!doctype html><html><head><meta charset="utf-8"><script src="probe.js"></script></head><body></body></html>');
// The frame replaces its document's content with each copy it is sent (its own process does that work).
await writeFile(
  path.join(to, 'probe.js'),
  `addEventListener('message', (e) => { if (typeof e.data === 'string') document.documentElement.innerHTML = e.data; });`,
);
// In the content script's isolated world (shared with inbox.js): the sidebar's root handle, mirrored per frame.
await writeFile(
  path.join(to, 'probe-cs.js'),
  `(() => {
  const start = () => {
    const root = globalThis.__inboxPilotSidebarRoot;
    if (!root) return void setTimeout(start, 50);
    const frame = document.createElement('iframe');
    frame.src = chrome.runtime.getURL('probe.html');
    frame.style.cssText = 'position:fixed;top:0;right:0;width:320px;height:100vh;border:0;z-index:2147483001;background:#fff';
    document.documentElement.append(frame);
    let queued = false;
    const send = () => { queued = false; const html = root.querySelector('html'); if (html) frame.contentWindow?.postMessage(html.innerHTML, '*'); };
    new MutationObserver(() => { if (!queued) { queued = true; requestAnimationFrame(send); } }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    frame.addEventListener('load', send);
  };
  start();
})();`,
);
console.log(`iframe probe written to ${path.relative(ROOT, to)}`);

// Gzipped size of each built entrypoint in .output/chrome-mv3.
//
// An entrypoint's size is the sum of the gzipped sizes (zlib, default level 6,
// each file on its own, as it sits in the package) of every file it loads:
// its script, the chunks that script statically imports (followed
// transitively), and its CSS. Shared chunks count in every entrypoint that
// loads them, because each context parses them separately.
//
// Run alone: `node scripts/bench/bundle-size.mjs` (after `npx wxt build`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
// The aggregator hands every bench its private copy of the build (see scripts/bench.mjs).
export const outputDir = process.env.E2E_EXTENSION_DIR ? resolve(process.env.E2E_EXTENSION_DIR) : join(root, '.output/chrome-mv3');

/** The content script must stay small: it is parsed on every inbox page load. */
export const CONTENT_SCRIPT_AIM_KB = 40;

const gzKB = (file) => gzipSync(readFileSync(file)).length / 1024;

/** Static imports in a built ES module (`import x from "./a.js"`, `import "./b.js"`, `export * from "./c.js"`). */
function staticImports(file) {
  const code = readFileSync(file, 'utf8');
  const found = new Set();
  for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g)) found.add(m[1]);
  return [...found].map((spec) => (spec.startsWith('/') ? join(outputDir, spec) : resolve(dirname(file), spec)));
}

/** Every file an entry script loads, itself included. */
function closure(entryFiles) {
  const seen = new Set();
  const queue = [...entryFiles];
  while (queue.length) {
    const file = normalize(queue.shift());
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...staticImports(file));
  }
  return [...seen];
}

/** The scripts and stylesheets an HTML page references. */
function htmlAssets(htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)=["']([^"']+)["']/g)].map((m) => m[1]);
  return refs
    .filter((r) => /\.(js|css)$/.test(r))
    .map((r) => (r.startsWith('/') ? join(outputDir, r) : resolve(dirname(htmlFile), r)));
}

/** Entrypoints as the manifest declares them. */
export function entrypoints() {
  const manifest = JSON.parse(readFileSync(join(outputDir, 'manifest.json'), 'utf8'));
  const list = [];
  for (const [i, cs] of (manifest.content_scripts ?? []).entries()) {
    const name = (cs.js?.[0] ?? `content-script-${i}`).replace(/^content-scripts\//, '').replace(/\.js$/, '');
    list.push({ name: `content script (${name})`, kind: 'content', files: [...(cs.js ?? []), ...(cs.css ?? [])].map((f) => join(outputDir, f)) });
  }
  for (const war of manifest.web_accessible_resources ?? []) {
    for (const res of war.resources ?? []) {
      // Lazy chunks (utils/lazy/chunks.ts): loaded by the content script when a feature starts, not at start-up.
      if (res.startsWith('lazy/') && res.endsWith('.js')) {
        const entry = list.find((e) => e.kind === 'content');
        if (entry) (entry.lazy ??= []).push(join(outputDir, res));
      }
    }
  }
  if (manifest.background?.service_worker) list.push({ name: 'background worker', kind: 'background', files: [join(outputDir, manifest.background.service_worker)] });
  const pages = [
    ['popup', manifest.action?.default_popup],
    ['options page', manifest.options_ui?.page ?? manifest.options_page],
  ];
  for (const [name, page] of pages) {
    if (page) list.push({ name, kind: 'page', files: [join(outputDir, page), ...htmlAssets(join(outputDir, page))] });
  }
  // The sidebar's frame (an extension page the content script puts beside the inbox), and its lazy parts.
  const frame = join(outputDir, 'sidebar.html');
  if (existsSync(frame)) {
    const lazy = readdirSync(join(outputDir, 'chunks')).filter((f) => /^lazy-.+\.js$/.test(f)).map((f) => join(outputDir, 'chunks', f));
    list.push({ name: 'sidebar frame', kind: 'page', files: [frame, ...htmlAssets(frame)], lazy });
  }
  return list;
}

export function measure() {
  return entrypoints().map((e) => {
    const files = closure(e.files);
    const kb = files.reduce((sum, f) => sum + gzKB(f), 0);
    const lazy = (e.lazy ?? []).map((f) => ({ file: relative(outputDir, f), kb: gzKB(f) }));
    return { ...e, files: files.map((f) => relative(outputDir, f)), kb, lazy };
  });
}

/** A line only webextension-polyfill's bundle has (its guard against loading outside an extension). */
const POLYFILL_MARKER = 'This script should only be loaded in a browser extension';
/** A line only @wxt-dev/storage has: the content script reads settings with utils/settings/storage-lite.ts instead. */
const WXT_STORAGE_MARKER = 'Storage item version cannot be less than 1';

/**
 * Literal strings of the options-only string tables (components/**\/options-strings.ts), long enough
 * to be unique: the content script must not ship them (issue 14).
 */
export function optionsOnlyStrings() {
  const files = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name === 'options-strings.ts') files.push(path);
    }
  };
  visit(join(root, 'components'));
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/'([^'\\]{25,})'/g)].map((m) => ({ file: relative(root, file), text: m[1] })),
  );
}

/** The selector table's `why` texts (utils/inbox/selectors.ts): documentation the build drops (scripts/build/strip-docs.ts). */
export function selectorDocs() {
  const code = readFileSync(join(root, 'utils/inbox/selectors.ts'), 'utf8');
  return [...code.matchAll(/why:\s*(?:'([^'\\]{20,})'|"([^"\\]{20,})")/g)].map((m) => m[1] ?? m[2]);
}

export async function run() {
  if (!existsSync(join(outputDir, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npx wxt build` first');
  const rows = [];
  for (const e of measure()) {
    const isContent = e.kind === 'content';
    rows.push({
      figure: `${e.name}${isContent ? ' at start-up (what the manifest injects)' : ''}, gzipped (${e.files.length} file${e.files.length === 1 ? '' : 's'}${isContent ? ': JS + CSS' : ''})`,
      value: Math.round(e.kb * 10) / 10,
      unit: 'KB',
      aim: isContent ? `< ${CONTENT_SCRIPT_AIM_KB} KB` : 'report only',
      ok: isContent ? e.kb < CONTENT_SCRIPT_AIM_KB : true,
    });
    if (!isContent) continue;
    // Nothing hidden: each lazy chunk and the whole (start-up + every chunk), for information.
    for (const chunk of e.lazy) rows.push({ figure: `${e.name}: lazy chunk ${chunk.file}, gzipped`, value: Math.round(chunk.kb * 10) / 10, unit: 'KB', aim: 'report only', ok: true });
    const total = e.kb + e.lazy.reduce((sum, c) => sum + c.kb, 0);
    rows.push({ figure: `${e.name}: start-up + ${e.lazy.length} lazy chunks, gzipped`, value: Math.round(total * 10) / 10, unit: 'KB', aim: 'report only', ok: true });
    // What was cut must stay cut: the polyfill and the options pages' strings are not the content script's.
    const code = e.files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(outputDir, f), 'utf8')).join('\n');
    rows.push({ figure: `${e.name}: webextension-polyfill bundled`, value: code.includes(POLYFILL_MARKER) ? 'yes' : 'no', unit: '', aim: 'no', ok: !code.includes(POLYFILL_MARKER) });
    rows.push({ figure: `${e.name}: @wxt-dev/storage bundled`, value: code.includes(WXT_STORAGE_MARKER) ? 'yes' : 'no', unit: '', aim: 'no', ok: !code.includes(WXT_STORAGE_MARKER) });
    const shipped = optionsOnlyStrings().filter((s) => code.includes(s.text));
    if (shipped.length) console.log(`options-only strings in the ${e.name}:`, shipped.map((s) => `${s.file}: ${s.text}`).join('\n'));
    rows.push({ figure: `${e.name}: options-only strings bundled`, value: shipped.length, unit: '', aim: '0', ok: shipped.length === 0 });
    const docs = selectorDocs().filter((d) => code.includes(d)).length;
    rows.push({ figure: `${e.name}: selector docs (\`why\`) bundled`, value: docs, unit: '', aim: '0', ok: docs === 0 });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const e of measure()) {
    console.log(`${e.name}: ${e.kb.toFixed(1)} KB gz  [${e.files.join(', ')}]`);
    for (const c of e.lazy) console.log(`  lazy chunk ${c.file}: ${c.kb.toFixed(1)} KB gz`);
  }
}

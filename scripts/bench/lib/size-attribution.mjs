// Who the content script's bytes belong to (issue 14, size).
//
//   IP_SOURCEMAP=1 npx wxt build          # a build with source maps, in .output-sourcemap/
//   node scripts/bench/lib/size-attribution.mjs [--files] [path/to/script.js ...]
//
// Every byte of the minified script is given to the source its source-map segment points at
// (bytes before a line's first segment, or in a segment without a source, are "unmapped":
// Rollup's glue). Two figures per group:
//   - share: the group's minified bytes times the whole file's gzip ratio (adds up to the total);
//   - marginal: the gzipped size of the file minus that of the file without the group's bytes
//     (what removing the group would save; the marginals do not add up, shared words compress once).
// The default files are the content script and the chunks it loads; pass other built scripts to
// look at them instead. --files lists each source file instead of the groups.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const args = process.argv.slice(2);
const perFile = args.includes('--files');
const files = args.filter((a) => !a.startsWith('--'));
const targets = files.length ? files.map((f) => resolve(f)) : [join(root, '.output-sourcemap/chrome-mv3/content-scripts/inbox.js')];

/** The group a source path belongs to: the fixed stack by name, our code by folder. */
export function groupOf(source) {
  const s = source.replace(/\\/g, '/');
  const nm = s.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = s.slice(nm + 'node_modules/'.length);
    const parts = rest.split('/');
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    if (pkg === 'wxt') {
      if (/content-script-ui|split-shadow-root-css|create-isolated-element|@webext-core\/isolated-element/.test(rest)) return 'wxt: shadow-root UI';
      if (/storage/.test(rest)) return 'wxt: storage';
      if (/browser/.test(rest)) return 'wxt: browser';
      return `wxt: ${parts.slice(-1)[0].replace(/\.m?js$/, '')}`;
    }
    return pkg;
  }
  const rel = s.replace(/^(\.\.\/)+/, '');
  const dir = rel.split('/').slice(0, -1);
  // components/features/<f>, utils/<area>, components/<area>, entrypoints/<e>
  if (dir[0] === 'components' && dir[1] === 'features') return dir.slice(0, 3).join('/');
  if (dir[0] === 'utils' && dir[1] === 'draft' && dir[2] === 'rules') return 'utils/draft/rules';
  return dir.slice(0, 2).join('/') || rel;
}

function attribute(file) {
  const code = readFileSync(file, 'utf8');
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) throw new Error(`${relative(root, mapFile)} is missing: build with IP_SOURCEMAP=1 npx wxt build`);
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const lines = code.split('\n');
  const decoded = decode(map.mappings);
  /** byte ranges [start, end) per source index (-1: unmapped) */
  const ranges = new Map();
  let offset = 0;
  const add = (src, a, b) => {
    if (b <= a) return;
    if (!ranges.has(src)) ranges.set(src, []);
    ranges.get(src).push([a, b]);
  };
  lines.forEach((line, i) => {
    const segs = (decoded[i] ?? []).slice().sort((x, y) => x[0] - y[0]);
    let prevCol = 0;
    let prevSrc = -1;
    for (const seg of segs) {
      add(prevSrc, offset + prevCol, offset + seg[0]);
      prevCol = seg[0];
      prevSrc = seg.length > 1 ? seg[1] : -1;
    }
    add(prevSrc, offset + prevCol, offset + line.length + 1);
    offset += line.length + 1;
  });
  const bytes = Buffer.from(code, 'utf8');
  // Offsets above are in UTF-16 code units; the script is ASCII after minification in practice. Check.
  if (bytes.length !== code.length) console.warn(`note: ${relative(root, file)} has non-ASCII characters; byte shares are approximate`);
  return { code, map, ranges };
}

function gz(s) {
  return gzipSync(Buffer.from(s, 'utf8')).length;
}

for (const file of targets) {
  const { code, map, ranges } = attribute(file);
  const total = gz(code);
  const ratio = total / code.length;
  const groups = new Map();
  for (const [src, rs] of ranges) {
    const name = src < 0 ? '(unmapped: bundler glue)' : perFile ? map.sources[src].replace(/^(\.\.\/)+/, '') : groupOf(map.sources[src]);
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(...rs);
  }
  const rows = [...groups].map(([name, rs]) => {
    const min = rs.reduce((n, [a, b]) => n + b - a, 0);
    // The file without this group's bytes.
    const mask = new Uint8Array(code.length);
    for (const [a, b] of rs) mask.fill(1, a, b);
    let rest = '';
    let start = -1;
    for (let i = 0; i <= code.length; i++) {
      const keep = i < code.length && !mask[i];
      if (keep && start < 0) start = i;
      if (!keep && start >= 0) {
        rest += code.slice(start, i);
        start = -1;
      }
    }
    return { name, min, share: min * ratio, marginal: total - gz(rest) };
  });
  rows.sort((a, b) => b.min - a.min);
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`\n${relative(root, file)}: ${kb(code.length)} KB minified, ${kb(total)} KB gzipped`);
  console.log('| group | minified KB | gzip share KB | marginal gzip KB |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.name} | ${kb(r.min)} | ${kb(r.share)} | ${kb(r.marginal)} |`);
  const css = join(dirname(file), 'inbox.css');
  if (!files.length && existsSync(css)) console.log(`\ncontent-scripts/inbox.css: ${kb(readFileSync(css).length)} KB, ${kb(gzipSync(readFileSync(css)).length)} KB gzipped`);
}

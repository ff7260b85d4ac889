// Builds the content script's lazy chunks (utils/lazy/chunks.ts) as ES modules, with esbuild.
//
// A chunk bundles its own code but not the shared modules (SHARED_MODULES): those it reads, when it is
// evaluated, from the object the content script put on its isolated world's global (utils/lazy/load.ts),
// so there is one Preact, one signals, one i18n locale and one storage watcher across script and chunks.
import { build, transform, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { CONTENT_CHUNKS, LAZY_CHUNKS, lazyChunkFile, SHARED_GLOBAL, SHARED_MODULES, type SharedModule } from '../../utils/lazy/chunks';

const root = resolve(import.meta.dirname ?? __dirname, '../..');

/** The shared module an import names, if any: a bare package name, or one of this project's shared files. */
function sharedModule(spec: string, resolveDir: string): SharedModule | null {
  const names = Object.keys(SHARED_MODULES) as SharedModule[];
  if (names.includes(spec as SharedModule)) return spec as SharedModule;
  if (!spec.startsWith('.')) return null;
  const file = relative(root, resolve(resolveDir, spec)).replace(/\\/g, '/');
  return names.find((m) => m.startsWith('utils/') && [m, m.replace(/\.tsx?$/, ''), m.replace(/\/index\.tsx?$/, '')].includes(file)) ?? null;
}

const shareWithContentScript: Plugin = {
  name: 'inbox-pilot-shared-modules',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const shared = sharedModule(args.path, args.resolveDir);
      return shared ? { path: shared, namespace: 'ip-shared' } : undefined;
    });
    // Only the listed names: any other import of a shared module is a build error ("No matching export").
    b.onLoad({ filter: /.*/, namespace: 'ip-shared' }, (args) => ({
      contents: [
        `const m = globalThis[${JSON.stringify(SHARED_GLOBAL)}][${JSON.stringify(args.path)}];`,
        ...SHARED_MODULES[args.path as SharedModule].map((name) => `export const ${name} = m.${name};`),
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/** `./style.css?inline`: the stylesheet's text, which the chunk renders in a <style> of its own. */
const inlineCss: Plugin = {
  name: 'inbox-pilot-inline-css',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\?inline$/, '')), namespace: 'ip-css' }));
    b.onLoad({ filter: /.*/, namespace: 'ip-css' }, async (args) => {
      const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code, loader: 'text', watchFiles: [args.path] };
    });
  },
};

/** Every chunk as { relativeDest, contents }, for WXT's `build:publicAssets` hook. */
export async function buildLazyChunks(define: Record<string, string>): Promise<{ relativeDest: string; contents: string }[]> {
  return Promise.all(
    CONTENT_CHUNKS.map(async (name) => {
      const result = await build({
        entryPoints: [resolve(root, LAZY_CHUNKS[name])],
        bundle: true,
        write: false,
        format: 'esm',
        target: 'es2020',
        minify: true,
        jsx: 'automatic',
        jsxImportSource: 'preact',
        define,
        outdir: 'lazy',
        logLevel: 'silent',
        plugins: [shareWithContentScript, inlineCss],
        metafile: true,
      });
      // A second Preact or signals instance would break hooks and subscriptions across the boundary.
      // So would a second copy of a shared table (labels, selectors): it must come from the script.
      const sharedFiles = (Object.keys(SHARED_MODULES) as SharedModule[]).filter((m) => m.startsWith('utils/'));
      const copies = Object.keys(result.metafile.inputs).filter(
        (f) => /node_modules\/(preact|@preact)\//.test(f) || sharedFiles.includes(relative(root, resolve(f)).replace(/\\/g, '/') as SharedModule),
      );
      if (copies.length) throw new Error(`lazy chunk ${name} bundles its own ${copies.join(', ')}: share it (utils/lazy/chunks.ts SHARED_MODULES)`);
      const files = result.outputFiles;
      // Styles stay in the sidebar's stylesheet (a feature's content.tsx imports them): a chunk is one script.
      const file = files.length === 1 ? files[0] : undefined;
      if (!file?.path.endsWith('.js')) throw new Error(`lazy chunk ${name}: expected one .js file, got ${files.map((f) => f.path).join(', ')}`);
      return { relativeDest: lazyChunkFile(name), contents: file.text };
    }),
  );
}

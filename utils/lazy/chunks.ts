/**
 * Lazy chunks (issue 14): code the content script needs only once a feature starts or the agent asks
 * for it, built apart (wxt.config.ts, `build:publicAssets`) as web-accessible ES modules and loaded with
 * `import()` (utils/lazy/load.ts). What the manifest injects stays small; each chunk is measured by the
 * size bench. Pure data: wxt.config.ts, the bench and the content script all read this one table.
 */
export const LAZY_CHUNKS = {
  /** Reply timers: controller, ticker, panel and utils/timers (components/features/timers/lazy.tsx). */
  timers: 'components/features/timers/lazy.tsx',
  /** Draft checks: panel, state and strings (components/features/draft/lazy.tsx). */
  draft: 'components/features/draft/lazy.tsx',
  /** Saved replies: panel, suggestions, state and strings. */
  replies: 'components/features/replies/lazy.tsx',
  /** The sidebar's footer (shortcuts, stats link, sync status line) and first-run tour. */
  'sidebar-parts': 'components/sidebar/parts.ts',
  /** Stats recording: the sender that forwards reply events to the worker, and its event checks. */
  stats: 'components/features/stats/lazy.ts',
  /** The layout report (sidebar "Copy layout report", options page's request). */
  'layout-report': 'utils/inbox/layout-report.ts',
} as const;

export type LazyChunk = keyof typeof LAZY_CHUNKS;

/**
 * The chunks the content script loads: built apart as web-accessible modules (wxt.config.ts). The others are
 * the sidebar's, which runs in its own frame (entrypoints/sidebar) and imports them from its own bundle.
 */
export const CONTENT_CHUNKS = ['stats', 'layout-report'] as const satisfies readonly LazyChunk[];
/** The sidebar frame's lazy parts (all the others). */
export type SidebarChunk = Exclude<LazyChunk, (typeof CONTENT_CHUNKS)[number]>;

/** Where a chunk sits in the built extension. */
export const lazyChunkFile = (name: LazyChunk): string => `lazy/${name}.js`;

/**
 * Modules the content script's chunks (CONTENT_CHUNKS) take from the content script instead of bundling their
 * own copy: the adapter's label tables and readers (the script ships them anyway; one copy, one cache). The
 * sidebar frame's parts need none: they are its own bundle's code-split files. `utils/...` are this project's files. Only the names
 * listed are handed over (the rest of each module can stay tree-shaken out of the content script): a chunk
 * importing another name fails to build ("No matching export"), and utils/lazy/shared.ts must provide
 * every name listed (type-checked).
 */
export const SHARED_MODULES = {
  // The adapter's tables and readers the layout report uses: the script has them already (one copy, one cache).
  'utils/inbox/keys.ts': ['hash'],
  'utils/inbox/labels/index.ts': ['allLabels', 'normalizeLabel'],
  'utils/inbox/selectors.ts': ['isBold'],
  'utils/inbox/time-token.ts': ['looksLikeTimeToken'],
} as const;

export type SharedModule = keyof typeof SHARED_MODULES;

/** The isolated world's global through which the content script hands the shared modules to its chunks. */
export const SHARED_GLOBAL = '__inboxPilotShared';

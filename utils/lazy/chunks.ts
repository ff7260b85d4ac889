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

/** Where a chunk sits in the built extension. */
export const lazyChunkFile = (name: LazyChunk): string => `lazy/${name}.js`;

/**
 * Modules a chunk takes from the content script instead of bundling its own copy: one Preact and one
 * signals instance (hooks and signal subscriptions work across the boundary), one i18n locale signal,
 * one storage watcher, and the adapter's label tables and readers (the script ships them anyway). Bare names are packages; `utils/...` are this project's files. Only the names
 * listed are handed over (the rest of each module can stay tree-shaken out of the content script): a chunk
 * importing another name fails to build ("No matching export"), and utils/lazy/shared.ts must provide
 * every name listed (type-checked).
 */
export const SHARED_MODULES = {
  preact: ['Component', 'Fragment', 'createElement', 'h', 'render'],
  'preact/hooks': ['useCallback', 'useEffect', 'useId', 'useMemo', 'useRef', 'useState'],
  'preact/jsx-runtime': ['Fragment', 'jsx', 'jsxs'],
  '@preact/signals': ['batch', 'computed', 'effect', 'signal', 'useComputed', 'useSignal', 'useSignalEffect'],
  'wxt/utils/storage': ['storage'],
  'utils/i18n/index.ts': ['defineMessages', 'formatDuration', 'joinMessages', 'messagesFor', 'uiLocale'],
  // The adapter's tables and readers the layout report uses: the script has them already (one copy, one cache).
  'utils/inbox/keys.ts': ['hash'],
  'utils/inbox/labels/index.ts': ['allLabels', 'normalizeLabel'],
  'utils/inbox/selectors.ts': ['isBold'],
  'utils/inbox/time-token.ts': ['looksLikeTimeToken'],
} as const;

export type SharedModule = keyof typeof SHARED_MODULES;

/** The isolated world's global through which the content script hands the shared modules to its chunks. */
export const SHARED_GLOBAL = '__inboxPilotShared';

import type { ContentFeature } from '../types';
import { crashTestFeature, type CrashTestOptions } from './content';

/**
 * Which part fails in the e2e run: the page's `localStorage['inbox-pilot-crash-test']` says
 * 'effect', 'panel' or 'message' (the spec sets it before the page loads; the content script hands it to
 * the sidebar's frame as the `crash` parameter of its URL, components/sidebar/page-host.ts); all three otherwise.
 * 'waker': nothing fails, a 100-ms interval works 0.05 ms each time (the idle bench's failing case).
 */
function modeFromPage(): CrashTestOptions {
  let mode: string | null = null;
  try {
    mode = new URLSearchParams(globalThis.location?.hash.slice(1) ?? '').get('crash');
  } catch {
    /* no storage: all three */
  }
  if (mode === 'waker') return { effect: false, panel: false, message: false, wakerWorkMs: 0.05 };
  if (mode === 'effect' || mode === 'panel' || mode === 'message') return { effect: mode === 'effect', panel: mode === 'panel', message: mode === 'message' };
  return {};
}

/** Empty unless the build sets IP_TEST_FEATURE=1: the constant is replaced at build time and the shipped bundle drops the feature. */
export const testFeatures: ContentFeature[] =
  import.meta.env.IP_TEST_FEATURE === '1'
    ? [
        {
          ...crashTestFeature(),
          start: (env) => crashTestFeature(modeFromPage()).start(env),
        },
      ]
    : [];

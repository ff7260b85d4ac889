import type { FeatureMeta } from '../types';

/**
 * A test-only feature (issue 12) that breaks on purpose: its effect throws on the third snapshot,
 * its panel throws on render, its message handler throws. Built in only under IP_TEST_FEATURE=1;
 * its strings are not translated because no user ever sees it.
 */
export const crashTestMeta: FeatureMeta = { id: 'crash-test', title: () => 'Crash test', switchLabel: () => 'Crash test', switchable: false, defaultOn: true };

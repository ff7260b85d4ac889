import { hash } from '../inbox/keys';
import { allLabels, normalizeLabel } from '../inbox/labels';
import { isBold } from '../inbox/selectors';
import { looksLikeTimeToken } from '../inbox/time-token';
import type { SHARED_MODULES, SharedModule } from './chunks';

/** The content script's own instances of what its lazy chunks share (utils/lazy/chunks.ts): every name listed there. */
export const sharedModules = {
  'utils/inbox/keys.ts': { hash },
  'utils/inbox/labels/index.ts': { allLabels, normalizeLabel },
  'utils/inbox/selectors.ts': { isBold },
  'utils/inbox/time-token.ts': { looksLikeTimeToken },
} satisfies { [M in SharedModule]: Record<(typeof SHARED_MODULES)[M][number], unknown> };

import { lazyFeature } from '../lazy';
import { draftMeta } from './feature';
import { draftFirstUse } from './standin';

/**
 * Draft checks: Meta's writing advice applied to the reply being typed, with one-click fixes (never sends).
 * Its code is a lazy chunk (./lazy.tsx), loaded when there is a draft to check (./standin.tsx); its styles
 * travel in the chunk.
 */
export const draftFeature = lazyFeature(draftMeta, 'draft', draftFirstUse);

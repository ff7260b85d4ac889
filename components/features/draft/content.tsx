import { lazyFeature } from '../lazy';
import { draftMeta } from './feature';
import { draftFirstUse } from './standin';
import './style.css';

/**
 * Draft checks: Meta's writing advice applied to the reply being typed, with one-click fixes (never sends).
 * Its code is a lazy chunk (./lazy.tsx), loaded when there is a draft to check (./standin.tsx); the styles
 * stay in the sidebar's stylesheet.
 */
export const draftFeature = lazyFeature(draftMeta, 'draft', draftFirstUse);

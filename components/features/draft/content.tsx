import { lazyFeature } from '../lazy';
import { draftMeta } from './feature';
import './style.css';

/**
 * Draft checks: Meta's writing advice applied to the reply being typed, with one-click fixes (never sends).
 * Its code is a lazy chunk (./lazy.tsx); the styles stay in the sidebar's stylesheet.
 */
export const draftFeature = lazyFeature(draftMeta, 'draft');

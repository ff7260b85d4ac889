import { lazyFeature } from '../lazy';
import { repliesMeta } from './feature';
import { repliesFirstUse } from './standin';
import './style.css';

/**
 * Saved replies: suggestions for the open conversation, library search, insertion (never sends).
 * Its code is a lazy chunk (./lazy.tsx), loaded on first use (./standin.tsx); the styles stay in the
 * sidebar's stylesheet.
 */
export const repliesFeature = lazyFeature(repliesMeta, 'replies', repliesFirstUse);

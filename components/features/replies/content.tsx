import { lazyFeature } from '../lazy';
import { repliesMeta } from './feature';
import { repliesFirstUse } from './standin';
import './standin.css';

/**
 * Saved replies: suggestions for the open conversation, library search, insertion (never sends).
 * Its code is a lazy chunk (./lazy.tsx), loaded on first use (./standin.tsx); its styles travel in
 * the chunk (the stand-in's in the sidebar's stylesheet).
 */
export const repliesFeature = lazyFeature(repliesMeta, 'replies', repliesFirstUse);

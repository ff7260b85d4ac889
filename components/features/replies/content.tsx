import { lazyFeature } from '../lazy';
import { repliesMeta } from './feature';
import './style.css';

/**
 * Saved replies: suggestions for the open conversation, library search, insertion (never sends).
 * Its code is a lazy chunk (./lazy.tsx); the styles stay in the sidebar's stylesheet.
 */
export const repliesFeature = lazyFeature(repliesMeta, 'replies');

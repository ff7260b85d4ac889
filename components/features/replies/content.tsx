import type { ContentFeature } from '../types';
import { repliesMeta } from './feature';
import { createRepliesState } from './state';
import { RepliesPanel } from './Panel';
import './style.css';

/** Saved replies: suggestions for the open conversation, library search, insertion (never sends). */
export const repliesFeature: ContentFeature = {
  meta: repliesMeta,
  start(env) {
    const state = createRepliesState(env);
    return { Panel: () => <RepliesPanel state={state} /> };
  },
};

import type { ContentFeature } from '../types';
import { createRepliesState } from './state';
import { RepliesPanel } from './Panel';
import css from './style.css?inline';

/** Saved replies' lazy chunk (utils/lazy/chunks.ts): the state and the panel, loaded when the feature starts. */
export const start: ContentFeature['start'] = (env) => {
  const state = createRepliesState(env);
  return {
    Panel: () => (
      <>
        <style>{css}</style>
        <RepliesPanel state={state} />
      </>
    ),
  };
};

import type { ContentFeature } from '../types';
import { createDraftState } from './state';
import { DraftPanel } from './DraftPanel';
import css from './style.css?inline';

/** Draft checks' lazy chunk (utils/lazy/chunks.ts): the state and the panel, loaded when the feature starts. */
export const start: ContentFeature['start'] = (env) => {
  const state = createDraftState(env);
  return {
    Panel: () => (
      <>
        <style>{css}</style>
        <DraftPanel state={state} />
      </>
    ),
  };
};

import type { ContentFeature } from '../types';
import { draftMeta } from './feature';
import { createDraftState } from './state';
import { DraftPanel } from './DraftPanel';
import './style.css';

/** Draft checks: Meta's writing advice applied to the reply being typed, with one-click fixes (never sends). */
export const draftFeature: ContentFeature = {
  meta: draftMeta,
  start(env) {
    const state = createDraftState(env);
    return { Panel: () => <DraftPanel state={state} /> };
  },
};

import type { SidebarFeature } from '../types';
import { messagesFor } from '../../../utils/i18n';
import { draftPanelMessages } from './strings';
import { createDraftState } from './state';
import { DraftPanel } from './DraftPanel';
import './style.css';

const t = messagesFor(draftPanelMessages);

/** Draft checks: Meta's writing advice applied to the reply being typed, with one-click fixes (never sends). */
export const draftFeature: SidebarFeature = {
  id: 'draft',
  title: () => t.value.title,
  init(env) {
    const state = createDraftState(env);
    return { Panel: () => <DraftPanel state={state} /> };
  },
};

import type { SidebarFeature } from '../types';
import { messagesFor } from '../../../utils/i18n';
import { repliesPanelMessages } from './strings';
import { createRepliesState } from './state';
import { RepliesPanel } from './Panel';
import './style.css';

const t = messagesFor(repliesPanelMessages);

/** Saved replies: suggestions for the open conversation, library search, insertion (never sends). */
export const repliesFeature: SidebarFeature = {
  id: 'replies',
  title: () => t.value.title,
  init(env) {
    const state = createRepliesState(env);
    return { Panel: () => <RepliesPanel state={state} /> };
  },
};

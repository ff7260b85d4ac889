// PLACEHOLDER until issue 6 lands.
import type { SidebarFeature } from '../types';
import { uiLocale } from '../../../utils/i18n';
export const repliesFeature: SidebarFeature = {
  id: 'replies',
  title: () => (uiLocale.value === 'fr' ? 'Réponses enregistrées' : 'Saved replies'),
  init: () => ({ Panel: () => <p class="ip-muted">…</p> }),
};

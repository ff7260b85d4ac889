// PLACEHOLDER until issue 5 lands.
import type { SidebarFeature } from '../types';
import { uiLocale } from '../../../utils/i18n';
export const draftFeature: SidebarFeature = {
  id: 'draft',
  title: () => (uiLocale.value === 'fr' ? 'Votre brouillon' : 'Your draft'),
  init: () => ({ Panel: () => <p class="ip-muted">…</p> }),
};

// PLACEHOLDER until issue 4 lands.
import type { SidebarFeature } from '../types';
import { uiLocale } from '../../../utils/i18n';
export const timersFeature: SidebarFeature = {
  id: 'timers',
  title: () => (uiLocale.value === 'fr' ? 'En attente de réponse' : 'Waiting for a reply'),
  init: () => ({ Panel: () => <p class="ip-muted">…</p> }),
};

import { defineMessages } from '../../../utils/i18n';

/** Strings every context may show about the stats feature (tiny: the content script ships them). */
export const statsStrings = defineMessages({
  en: {
    title: 'Response stats',
    switchLabel: 'Stats recording',
  },
  fr: {
    title: 'Statistiques de réponse',
    switchLabel: 'Enregistrement des statistiques',
  },
});

import { defineMessages } from '../../utils/i18n';

export const sidebarMessages = defineMessages({
  en: {
    appName: 'Inbox Pilot',
    collapse: 'Collapse the Inbox Pilot sidebar',
    expand: 'Open the Inbox Pilot sidebar',
    featureFailed: 'This section could not start. The rest of Inbox Pilot still works.',
    layoutNotRecognized: 'Inbox layout not recognized',
    layoutMissing: (parts: string) => `Not found on this page: ${parts}.`,
    layoutHint: 'Meta may have changed the inbox. Timers and checks pause until it is recognized again; your inbox keeps working normally.',
    part_list: 'conversation list',
    part_thread: 'open conversation',
    part_composer: 'reply box',
    loading: 'Loading…',
  },
  fr: {
    appName: 'Inbox Pilot',
    collapse: 'Replier le panneau Inbox Pilot',
    expand: 'Ouvrir le panneau Inbox Pilot',
    featureFailed: 'Cette section n’a pas pu démarrer. Le reste d’Inbox Pilot fonctionne toujours.',
    layoutNotRecognized: 'Disposition de la boîte de réception non reconnue',
    layoutMissing: (parts: string) => `Introuvable sur cette page : ${parts}.`,
    layoutHint: 'Meta a peut-être modifié la boîte de réception. Les minuteurs et vérifications sont en pause jusqu’à ce qu’elle soit reconnue ; votre boîte de réception fonctionne normalement.',
    part_list: 'liste des conversations',
    part_thread: 'conversation ouverte',
    part_composer: 'zone de réponse',
    loading: 'Chargement…',
  },
});

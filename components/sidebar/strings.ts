import { defineMessages } from '../../utils/i18n';

export const sidebarMessages = defineMessages({
  en: {
    appName: 'Inbox Pilot',
    collapse: 'Collapse the Inbox Pilot sidebar',
    expand: 'Open the Inbox Pilot sidebar',
    featureStopped: 'This part stopped. The rest of Inbox Pilot still works.',
    featureRetry: 'Retry',
    partUnavailable: 'This part could not load. The rest of Inbox Pilot still works.',
    loading: 'Loading…',
    notConnected: 'Inbox Pilot could not reach this inbox page. Reload the tab to try again; your inbox works as usual.',
  },
  fr: {
    appName: 'Inbox Pilot',
    collapse: 'Replier le panneau Inbox Pilot',
    expand: 'Ouvrir le panneau Inbox Pilot',
    featureStopped: 'Cette partie s’est arrêtée. Le reste d’Inbox Pilot fonctionne toujours.',
    featureRetry: 'Réessayer',
    partUnavailable: 'Cette partie n’a pas pu se charger. Le reste d’Inbox Pilot fonctionne toujours.',
    loading: 'Chargement…',
    notConnected: 'Inbox Pilot n’a pas pu joindre cette page de la boîte de réception. Rechargez l’onglet pour réessayer ; votre boîte de réception fonctionne normalement.',
  },
});

/** The layout notice's texts (components/sidebar/LayoutNotice.tsx): in the lazy 'sidebar-parts' chunk with it. */
export const layoutNoticeMessages = defineMessages({
  en: {
    layoutNotRecognized: 'Inbox layout not recognized',
    layoutMissing: (parts: string) => `Not found on this page: ${parts}.`,
    layoutHint: 'Meta may have changed the inbox. Timers and checks pause until it is recognized again; your inbox keeps working normally.',
    copyReport: 'Copy a layout report',
    reportCopied: 'Copied. It holds the page structure only: no names, no messages. Send it to your administrator.',
    reportFailed: 'Could not copy the report. Try again from the extension options.',
    part_list: 'conversation list',
    part_thread: 'open conversation',
    part_composer: 'reply box',
  },
  fr: {
    layoutNotRecognized: 'Disposition de la boîte de réception non reconnue',
    layoutMissing: (parts: string) => `Introuvable sur cette page : ${parts}.`,
    layoutHint: 'Meta a peut-être modifié la boîte de réception. Les minuteurs et vérifications sont en pause jusqu’à ce qu’elle soit reconnue ; votre boîte de réception fonctionne normalement.',
    copyReport: 'Copier un rapport de disposition',
    reportCopied: 'Copié. Il ne contient que la structure de la page : aucun nom, aucun message. Envoyez-le à votre administrateur.',
    reportFailed: 'Impossible de copier le rapport. Réessayez depuis les options de l’extension.',
    part_list: 'liste des conversations',
    part_thread: 'conversation ouverte',
    part_composer: 'zone de réponse',
  },
});

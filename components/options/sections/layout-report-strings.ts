import { defineMessages } from '../../../utils/i18n';

export const layoutReportMessages = defineMessages({
  en: {
    title: 'Inbox layout report',
    hint: 'If Inbox Pilot does not recognize the inbox, copy this report and send it to your administrator. It holds the structure of the page only: no names, no messages, no ids.',
    copy: 'Copy a layout report of the open inbox',
    copied: 'Copied to the clipboard.',
    noInbox: 'No open inbox tab answered. Open the Business Suite inbox in a tab, then try again.',
    failed: (reason: string) => `Could not copy the report: ${reason}`,
  },
  fr: {
    title: 'Rapport de disposition de la boîte de réception',
    hint: 'Si Inbox Pilot ne reconnaît pas la boîte de réception, copiez ce rapport et envoyez-le à votre administrateur. Il ne contient que la structure de la page : aucun nom, aucun message, aucun identifiant.',
    copy: 'Copier un rapport de disposition de la boîte ouverte',
    copied: 'Copié dans le presse-papiers.',
    noInbox: 'Aucun onglet de boîte de réception n’a répondu. Ouvrez la boîte de réception de Business Suite dans un onglet, puis réessayez.',
    failed: (reason: string) => `Impossible de copier le rapport : ${reason}`,
  },
});

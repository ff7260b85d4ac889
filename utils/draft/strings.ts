import { defineMessages } from '../i18n';
import type { SensitiveKind } from './sensitive';

/**
 * Texts of the findings (`Finding.message`). They are written for the agent,
 * so they follow the UI language (`context.uiLocale`), falling back to the
 * draft's language; the rule id stays the stable, untranslated key.
 */
export const findingMessages = defineMessages({
  en: {
    tooLong: (chars: number, limit: number) => `${chars} characters: long for a chat (aim for under ${limit}). Keep what answers the question.`,
    tooLongHard: (chars: number, limit: number) => `${chars} characters: far too long for a chat (over ${limit}). Split it or cut it down.`,
    keyPointLateLong: (limit: number) => `The first sentence runs over ${limit} characters: previews show only the start, put the answer first.`,
    keyPointLateFiller: 'The reply opens with a courtesy phrase: previews show only the start, put the answer first.',
    missingSignOff: 'No signature: end with your first name so the customer knows who is answering.',
    missingSignOffClosing: 'The closing has no name: add your first name after it.',
    companySignOff: 'Signed with the company or a team: sign with your first name instead.',
    stepsAsProse: (steps: number) => `${steps} steps written as a paragraph: a numbered list is easier to follow.`,
    shoutingCaps: 'Words in capitals read as shouting.',
    shoutingMarks: 'Repeated ! or ? read as shouting.',
    sensitive: (what: string) => `Public comment: send this in a private message instead (${what}).`,
    kind_email: 'an e-mail address',
    kind_phone: 'a phone number',
    kind_order: 'an order or invoice number',
    kind_iban: 'bank details (IBAN)',
    kind_card: 'a card number',
    kind_address: 'a postal address',
    savedReply: (percent: number) => `This is ${percent}% a saved reply: adapt it to the customer's question.`,
    placeholder: 'Template gap left to fill in.',
    windowClosed:
      'The 24-hour window is over: Meta only lets you send tagged messages now. As a person you may still reply up to 7 days after the customer’s last message (human agent tag); otherwise only a confirmed event update, a post-purchase update or an account update, never a promotion.',
  },
  fr: {
    tooLong: (chars: number, limit: number) => `${chars} caractères : c’est long pour une messagerie (visez moins de ${limit}). Gardez ce qui répond à la question.`,
    tooLongHard: (chars: number, limit: number) => `${chars} caractères : bien trop long pour une messagerie (plus de ${limit}). Découpez ou raccourcissez.`,
    keyPointLateLong: (limit: number) => `La première phrase dépasse ${limit} caractères : l’aperçu n’en montre que le début, donnez la réponse d’abord.`,
    keyPointLateFiller: 'La réponse s’ouvre sur une formule de politesse : l’aperçu n’en montre que le début, donnez la réponse d’abord.',
    missingSignOff: 'Pas de signature : terminez par votre prénom pour que le client sache qui lui répond.',
    missingSignOffClosing: 'La formule de fin n’a pas de nom : ajoutez votre prénom.',
    companySignOff: 'Signé au nom de l’entreprise ou d’une équipe : signez plutôt de votre prénom.',
    stepsAsProse: (steps: number) => `${steps} étapes rédigées en paragraphe : une liste numérotée est plus facile à suivre.`,
    shoutingCaps: 'Des mots en majuscules donnent l’impression de crier.',
    shoutingMarks: 'Des ! ou ? répétés donnent l’impression de crier.',
    sensitive: (what: string) => `Commentaire public : à envoyer plutôt en message privé (${what}).`,
    kind_email: 'une adresse e-mail',
    kind_phone: 'un numéro de téléphone',
    kind_order: 'un numéro de commande ou de facture',
    kind_iban: 'des coordonnées bancaires (IBAN)',
    kind_card: 'un numéro de carte',
    kind_address: 'une adresse postale',
    savedReply: (percent: number) => `C’est à ${percent} % une réponse enregistrée : adaptez-la à la question du client.`,
    placeholder: 'Champ du modèle à compléter.',
    windowClosed:
      'La fenêtre de 24 heures est passée : Meta n’autorise plus que les messages avec balise. En tant que personne, vous pouvez encore répondre jusqu’à 7 jours après le dernier message du client (balise agent humain) ; sinon seulement une mise à jour d’événement confirmé, d’achat ou de compte, jamais de promotion.',
  },
});

export type FindingMessages = (typeof findingMessages)['en'];

export function sensitiveLabel(m: FindingMessages, kind: SensitiveKind): string {
  return m[`kind_${kind}`];
}

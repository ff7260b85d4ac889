import { defineMessages, joinMessages } from '../../../utils/i18n';
import { draftOptionsOnlyMessages } from './options-strings';

/** Sidebar strings of the draft checks (the only ones shipped in the content script). */
export const draftPanelMessages = defineMessages({
  en: {
    looksGood: 'Looks good: short, clear and signed.',
    fixAppendSignOff: (name: string) => `Sign “— ${name}”`,
    fixReplaceSignOff: (name: string) => `Sign with “${name}”`,
    fixNumberedList: 'Make a numbered list',
    fixFailed_no_composer: 'The reply box was not found: nothing was changed.',
    fixFailed_disabled: 'The reply box is disabled: nothing was changed.',
    fixFailed_wrong_conversation: 'Another conversation is open: nothing was changed.',
    fixFailed_rejected: 'Meta’s reply box refused the change: edit it by hand.',
    fixFailed_stale: 'The draft changed: check it again.',
    fixApplied: 'Fixed in the reply box (not sent).',
    askName: 'What is your first name? It signs your replies.',
    askNamePlaceholder: 'First name',
    askNameSave: 'Save',
    askNameLater: 'Not now',
    askNameSaveFailed: 'Could not save your name.',
    severity_warn: 'To fix',
    severity_info: 'Tip',
    count: (n: number) => (n === 1 ? '1 point to check' : `${n} points to check`),
    rule_too_long: 'Too long',
    rule_key_point_late: 'Key point late',
    rule_missing_sign_off: 'No signature',
    rule_company_sign_off: 'Company signature',
    rule_steps_as_prose: 'Steps in a paragraph',
    rule_shouting: 'Shouting',
    rule_sensitive_in_public: 'Private data in public',
    rule_unadapted_saved_reply: 'Saved reply unchanged',
    rule_unfilled_placeholder: 'Gap to fill',
    rule_window_closed: '24-hour window over',
  },
  fr: {
    looksGood: 'C’est bon : court, clair et signé.',
    fixAppendSignOff: (name: string) => `Signer « — ${name} »`,
    fixReplaceSignOff: (name: string) => `Signer « ${name} »`,
    fixNumberedList: 'En faire une liste numérotée',
    fixFailed_no_composer: 'Zone de réponse introuvable : rien n’a été modifié.',
    fixFailed_disabled: 'La zone de réponse est désactivée : rien n’a été modifié.',
    fixFailed_wrong_conversation: 'Une autre conversation est ouverte : rien n’a été modifié.',
    fixFailed_rejected: 'La zone de réponse de Meta a refusé la modification : corrigez à la main.',
    fixFailed_stale: 'Le brouillon a changé : vérifiez-le à nouveau.',
    fixApplied: 'Corrigé dans la zone de réponse (non envoyé).',
    askName: 'Quel est votre prénom ? Il sert à signer vos réponses.',
    askNamePlaceholder: 'Prénom',
    askNameSave: 'Enregistrer',
    askNameLater: 'Plus tard',
    askNameSaveFailed: 'Impossible d’enregistrer votre prénom.',
    severity_warn: 'À corriger',
    severity_info: 'Conseil',
    count: (n: number) => (n === 1 ? '1 point à vérifier' : `${n} points à vérifier`),
    rule_too_long: 'Trop long',
    rule_key_point_late: 'L’essentiel arrive tard',
    rule_missing_sign_off: 'Pas de signature',
    rule_company_sign_off: 'Signature d’entreprise',
    rule_steps_as_prose: 'Étapes en paragraphe',
    rule_shouting: 'Majuscules / ponctuation',
    rule_sensitive_in_public: 'Données privées en public',
    rule_unadapted_saved_reply: 'Réponse enregistrée non adaptée',
    rule_unfilled_placeholder: 'Champ à compléter',
    rule_window_closed: 'Fenêtre de 24 h dépassée',
  },
});

/**
 * Sidebar and options strings: the options page shows the rule labels too.
 * Marked pure so the content script, which never reads it, does not ship the options strings.
 */
export const draftUiMessages = /* @__PURE__ */ joinMessages(draftPanelMessages, draftOptionsOnlyMessages);

export type DraftPanelMessages = (typeof draftPanelMessages)['en'];
export type DraftUiMessages = (typeof draftUiMessages)['en'];

/** Key of a rule's short label: `too-long` -> `rule_too_long`. */
export function ruleLabelKey(rule: string): keyof DraftPanelMessages {
  return `rule_${rule.replace(/-/g, '_')}` as keyof DraftPanelMessages;
}

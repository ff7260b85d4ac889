import { defineMessages, formatDuration, type UiLocale } from '../i18n';
import type { AlertItem } from './types';

/** Desktop warning texts (the background has no UI signal: the locale is passed in). */
export const notificationMessages = defineMessages({
  en: {
    soonTitle: (name: string) => `Reply soon: ${name}`,
    lateTitle: (name: string) => `Past the target: ${name}`,
    soonBody: (left: string, waited: string) => `Waiting ${waited}. ${left} left before the reply target.`,
    lateBody: (waited: string) => `Waiting ${waited}, past the reply target. Click to open the conversation.`,
    someone: 'a customer',
    approx: 'about ',
  },
  fr: {
    soonTitle: (name: string) => `Répondez bientôt : ${name}`,
    lateTitle: (name: string) => `Délai dépassé : ${name}`,
    soonBody: (left: string, waited: string) => `En attente depuis ${waited}. Encore ${left} avant l’objectif de réponse.`,
    lateBody: (waited: string) => `En attente depuis ${waited}, objectif de réponse dépassé. Cliquez pour ouvrir la conversation.`,
    someone: 'un client',
    approx: 'environ ',
  },
});

/** Title and body of the warning for one item (names are plain text: notifications never render HTML). */
export function notificationText(item: AlertItem, state: 'soon' | 'late', now: number, locale: UiLocale): { title: string; message: string } {
  const t = notificationMessages[locale];
  const name = (item.customerName ?? '').trim().slice(0, 80) || t.someone;
  const approx = item.precision === 'approximate' ? t.approx : '';
  const waited = approx + formatDuration((now - item.waitingSince) / 1000, locale);
  if (state === 'late') return { title: t.lateTitle(name), message: t.lateBody(waited) };
  return { title: t.soonTitle(name), message: t.soonBody(formatDuration(Math.max(0, item.leftMs) / 1000, locale), waited) };
}

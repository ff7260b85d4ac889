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
    groupTitle: (n: number) => `${n} customers waiting for a reply`,
    groupBody: (names: string, more: number) => (more > 0 ? `${names} and ${more} more. Click to open the inbox.` : `${names}. Click to open the inbox.`),
  },
  fr: {
    soonTitle: (name: string) => `Répondez bientôt : ${name}`,
    lateTitle: (name: string) => `Délai dépassé : ${name}`,
    soonBody: (left: string, waited: string) => `En attente depuis ${waited}. Encore ${left} avant l’objectif de réponse.`,
    lateBody: (waited: string) => `En attente depuis ${waited}, objectif de réponse dépassé. Cliquez pour ouvrir la conversation.`,
    someone: 'un client',
    approx: 'environ ',
    groupTitle: (n: number) => `${n} clients attendent une réponse`,
    groupBody: (names: string, more: number) => (more > 0 ? `${names} et ${more} autres. Cliquez pour ouvrir la boîte de réception.` : `${names}. Cliquez pour ouvrir la boîte de réception.`),
  },
});

/** The customer's name as a warning shows it (cut at 80 characters), or "a customer". */
const nameOf = (item: AlertItem, locale: UiLocale) => (item.customerName ?? '').trim().slice(0, 80) || notificationMessages[locale].someone;

/** Title and body of the warning for one item (names are plain text: notifications never render HTML). */
export function notificationText(item: AlertItem, state: 'soon' | 'late', now: number, locale: UiLocale): { title: string; message: string } {
  const t = notificationMessages[locale];
  const name = nameOf(item, locale);
  const approx = item.precision === 'approximate' ? t.approx : '';
  const waited = approx + formatDuration((now - item.waitingSince) / 1000, locale);
  if (state === 'late') return { title: t.lateTitle(name), message: t.lateBody(waited) };
  return { title: t.soonTitle(name), message: t.soonBody(formatDuration(Math.max(0, item.leftMs) / 1000, locale), waited) };
}

/** Names shown in a grouped warning; the rest are counted. */
export const GROUP_NAMES_SHOWN = 3;

/**
 * One warning for several conversations at once (an inbox opened with many customers already waiting
 * past the target): their number, the first names in the order given (the caller puts the most urgent
 * first), and how many more.
 */
export function groupNotificationText(items: readonly AlertItem[], locale: UiLocale): { title: string; message: string } {
  const t = notificationMessages[locale];
  const names = items.slice(0, GROUP_NAMES_SHOWN).map((i) => nameOf(i, locale));
  return { title: t.groupTitle(items.length), message: t.groupBody(names.join(', '), Math.max(0, items.length - names.length)) };
}

import { en } from './en';
import { fr } from './fr';
import { normalizeLabel, type InboxLabels } from './types';

export { normalizeLabel, type InboxLabels, type TimeWords } from './types';

/** Every supported interface language. Add one: write labels/<lang>.ts and list it here. */
export const LANGUAGES: readonly InboxLabels[] = [en, fr];

/** Labels for a BCP 47 tag (`fr-FR`, `fr_FR`, `en`), or null when unsupported. */
export function labelsFor(locale: string | null | undefined): InboxLabels | null {
  if (!locale) return null;
  const prefix = locale.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l.lang === prefix) ?? null;
}

/** Every language's values for one label, for matching a page whose language is not known yet. */
export function allLabels(key: Exclude<keyof InboxLabels, 'lang' | 'time'>): string[] {
  return [...new Set(LANGUAGES.flatMap((l) => l[key]))];
}

/** Normalized `allLabels(key)`, cached: hot paths compare normalized text. */
const normalizedCache = new Map<string, string[]>();
export function normalizedLabels(key: Exclude<keyof InboxLabels, 'lang' | 'time'>): string[] {
  let list = normalizedCache.get(key);
  if (!list) normalizedCache.set(key, (list = allLabels(key).map(normalizeLabel)));
  return list;
}

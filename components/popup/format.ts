import type { UiLocale } from '../../utils/i18n';

/** Percent for display: floored to one decimal so "90%" never shows for 89.96% against a 90% goal. */
export function formatPct(pct: number | null, locale: UiLocale = 'en'): string {
  if (pct === null) return '–';
  const text = String(Math.floor(pct * 10) / 10);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** "82.6%" / "82,6 %" (French puts a narrow no-break space before the sign). */
export function formatPctSign(pct: number | null, locale: UiLocale): string {
  if (pct === null) return '–';
  return locale === 'fr' ? `${formatPct(pct, locale)}\u202f%` : `${formatPct(pct, locale)}%`;
}

export function dateFormatter(locale: UiLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', options);
}

/** "5 min", "1 h 30" — the target as people say it. */
export function formatTarget(seconds: number): string {
  const m = seconds / 60;
  if (m < 60) return `${Math.round(m * 10) / 10} min`;
  const h = Math.floor(m / 60);
  const rest = Math.round(m % 60);
  return rest ? `${h} h ${String(rest).padStart(2, '0')}` : `${h} h`;
}

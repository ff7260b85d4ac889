import { DARK_THEME_SELECTOR } from './selectors';

/**
 * Whether the inbox page itself is dark: Meta's dark-mode class, or else a
 * dark opaque page background (a renamed class must not leave a white sidebar
 * beside a dark inbox). False when the page says nothing (then the browser's
 * prefers-color-scheme decides).
 */
export function hostIsDark(doc: Document): boolean {
  if (doc.querySelector(DARK_THEME_SELECTOR)) return true;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const rgb = parseRgb(getComputedStyle(el).backgroundColor);
    if (rgb && rgb.a > 0.5) return luminance(rgb) < 0.2;
  }
  return false;
}

export function parseRgb(text: string): { r: number; g: number; b: number; a: number } | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance (0 black … 1 white). */
export function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Calls `onChange` when the page's theme may have changed (class or style of <html>/<body>). */
export function watchHostTheme(doc: Document, onChange: (dark: boolean) => void, signal: AbortSignal): void {
  let last = hostIsDark(doc);
  onChange(last);
  const observer = new MutationObserver(() => {
    const now = hostIsDark(doc);
    if (now !== last) onChange((last = now));
  });
  const watch = (el: Element | null) => el && observer.observe(el, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
  watch(doc.documentElement);
  watch(doc.body);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

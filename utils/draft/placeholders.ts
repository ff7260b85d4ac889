import type { Span } from './text';

/**
 * Template gaps left in a draft: `{first_name}`, `{{order_id}}`, `[name]`,
 * `[Prénom]`, `<NAME>`, `%FIRST_NAME%`, `XXXX`, `____`. Markdown-style links
 * (`[text](url)`) and hearts (`<3`) are not gaps.
 */
const PLACEHOLDER_RE = new RegExp(
  [
    String.raw`\{\{\s*[^{}\n]{1,40}?\s*\}\}`,
    String.raw`\{\s*[\p{L}_][\p{L}\p{N}_ .-]{0,39}\}`,
    String.raw`\[\s*[\p{L}_][\p{L}\p{N}_ .'/-]{0,39}\](?!\()`,
    String.raw`<\s*[\p{L}_][\p{L}\p{N}_ .-]{0,29}>`,
    String.raw`%[\p{L}_][\p{L}\p{N}_]{1,29}%`,
    String.raw`\b[Xx]{3,}\b`,
    String.raw`_{3,}`,
  ].join('|'),
  'gu',
);

/** Every gap, in order. */
export function findPlaceholders(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

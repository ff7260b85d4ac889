/**
 * Placeholders in saved replies: {first_name} {customer_name} {agent_name}
 * {page_name} and the {cursor} mark. A placeholder with no value stays in the
 * text as written, so the agent sees it and the draft checks flag it.
 */

export interface PlaceholderValues {
  customerName?: string | null;
  agentName?: string | null;
  pageName?: string | null;
}

// Stands for {cursor} while the text is tidied; never in a saved reply (the editor strips control characters).
const CURSOR_MARK = '\u0000';

export const PLACEHOLDER_RE = /\{(first_name|customer_name|agent_name|page_name|cursor)\}/g;

/** "Marie-Claire Dupont" -> "Marie-Claire"; ignores stray spaces and emoji-only names. */
export function firstNameOf(fullName: string | null | undefined): string | null {
  const first = (fullName ?? '').trim().split(/\s+/)[0] ?? '';
  return /\p{L}/u.test(first) ? first : null;
}

export interface FilledReply {
  text: string;
  /** Offset in `text` where {cursor} was (the mark itself removed), or null when there was none. */
  cursor: number | null;
  /** Placeholders left in the text because no value was known. */
  unfilled: string[];
}

/**
 * Fills the placeholders. {cursor} is removed and its offset returned: the
 * inbox adapter inserts at Meta's caret and offers no way to move the caret
 * afterwards (features never touch Meta's DOM), so the sidebar inserts the
 * whole text and the caret ends after it. Only the first {cursor} counts.
 */
export function fillPlaceholders(body: string, values: PlaceholderValues): FilledReply {
  const clean = (s: string | null | undefined) => (s ?? '').trim().replace(/\s+/g, ' ') || null;
  const known: Record<string, string | null> = {
    first_name: firstNameOf(values.customerName),
    customer_name: clean(values.customerName),
    agent_name: clean(values.agentName),
    page_name: clean(values.pageName),
  };
  const unfilled = new Set<string>();
  let text = '';
  let last = 0;
  for (const m of body.matchAll(PLACEHOLDER_RE)) {
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    const name = m[1]!;
    if (name === 'cursor') {
      if (!text.includes(CURSOR_MARK)) text += CURSOR_MARK;
      continue;
    }
    const value = known[name];
    if (value) text += value;
    else {
      text += m[0];
      unfilled.add(m[0]);
    }
  }
  text += body.slice(last);
  // Removing "{cursor}" can leave a double space or a space before a line break.
  const tidy = text
    .replace(/ \u0000 /, ' \u0000')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+(\u0000?)\n/g, '$1\n')
    .trim();
  const at = tidy.indexOf(CURSOR_MARK);
  return { text: tidy.replace(CURSOR_MARK, ''), cursor: at >= 0 ? at : null, unfilled: [...unfilled] };
}

/** Placeholder-like marks that are not ours ({prenom}, {{name}}), for the editor's warning. */
export function unknownPlaceholders(body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(/\{+\s*([\p{L}_ ]{1,30})\s*\}+/gu)) {
    if (!/^\{(first_name|customer_name|agent_name|page_name|cursor)\}$/.test(m[0])) found.add(m[0]);
  }
  return [...found];
}

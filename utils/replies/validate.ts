import type { ReplyDraft, ReplyLanguage } from './types';

/** Limits: a Messenger message holds at most 2,000 characters; we allow some room for the agent's additions. */
export const LIMITS = {
  title: 120,
  body: 5000,
  tags: 20,
  tag: 40,
  shortcut: 30,
  /** Replies in one library (and in one import). */
  replies: 10000,
} as const;

export type DraftField = 'title' | 'body' | 'language' | 'tags' | 'shortcut';
export type DraftIssueCode = 'required' | 'tooLong' | 'invalid' | 'tooMany';
export interface DraftIssue {
  field: DraftField;
  code: DraftIssueCode;
}

const LANGUAGE_ALIASES: Record<string, ReplyLanguage> = {
  fr: 'fr', francais: 'fr', french: 'fr', 'fr-fr': 'fr',
  en: 'en', anglais: 'en', english: 'en', 'en-gb': 'en', 'en-us': 'en',
  any: 'any', '': 'any', toutes: 'any', tous: 'any', all: 'any', '*': 'any',
};

// Control characters other than tab and line breaks never belong in a reply (and U+0000 is the cursor's stand-in).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Tags from a list or a "a, b; c" string: trimmed, lower case, no duplicates. */
export function parseTags(input: unknown): string[] | null {
  const list = Array.isArray(input) ? input : typeof input === 'string' ? input.split(/[,;|]/) : input == null ? [] : null;
  if (!list || list.some((t) => typeof t !== 'string')) return null;
  return [...new Set((list as string[]).map((t) => t.replace(CONTROL, '').trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean))];
}

/** "/Horaires" -> "horaires". */
export function normaliseShortcut(input: string): string {
  return input.trim().replace(/^\/+/, '').toLowerCase();
}

/** Validates untrusted reply fields (editor form, import row). */
export function validateReplyDraft(input: unknown): { value: ReplyDraft; issues: DraftIssue[] } {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const issues: DraftIssue[] = [];
  const text = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').replace(CONTROL, '') : null);

  const title = text(raw.title)?.trim().replace(/\s+/g, ' ') ?? '';
  if (raw.title != null && typeof raw.title !== 'string') issues.push({ field: 'title', code: 'invalid' });
  else if (!title) issues.push({ field: 'title', code: 'required' });
  else if (title.length > LIMITS.title) issues.push({ field: 'title', code: 'tooLong' });

  const body = text(raw.body)?.trim() ?? '';
  if (raw.body != null && typeof raw.body !== 'string') issues.push({ field: 'body', code: 'invalid' });
  else if (!body) issues.push({ field: 'body', code: 'required' });
  else if (body.length > LIMITS.body) issues.push({ field: 'body', code: 'tooLong' });

  const language = typeof raw.language === 'string' || raw.language == null ? LANGUAGE_ALIASES[String(raw.language ?? '').trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')] : undefined;
  if (!language) issues.push({ field: 'language', code: 'invalid' });

  const tags = parseTags(raw.tags);
  if (!tags) issues.push({ field: 'tags', code: 'invalid' });
  else if (tags.length > LIMITS.tags) issues.push({ field: 'tags', code: 'tooMany' });
  else if (tags.some((t) => t.length > LIMITS.tag)) issues.push({ field: 'tags', code: 'tooLong' });

  let shortcut: string | undefined;
  if (raw.shortcut != null && raw.shortcut !== '') {
    if (typeof raw.shortcut !== 'string') issues.push({ field: 'shortcut', code: 'invalid' });
    else {
      shortcut = normaliseShortcut(raw.shortcut) || undefined;
      if (shortcut && shortcut.length > LIMITS.shortcut) issues.push({ field: 'shortcut', code: 'tooLong' });
      else if (shortcut && !/^[\p{L}\p{N}_-]+$/u.test(shortcut)) issues.push({ field: 'shortcut', code: 'invalid' });
    }
  }

  return {
    value: { title, body, language: language ?? 'any', tags: tags ?? [], ...(shortcut ? { shortcut } : {}) },
    issues,
  };
}

import type { Rule } from '../doc';
import { codePointLength } from '../text';

/** Messenger is a chat: past a few hundred characters a reply stops being read. */
export const tooLong: Rule = {
  id: 'too-long',
  check({ text, settings, t }) {
    const length = codePointLength(text.trim());
    if (length > settings.hardMaxLength) {
      return [{ rule: 'too-long', severity: 'warn', message: t.tooLongHard(length, settings.hardMaxLength) }];
    }
    if (length > settings.maxLength) {
      return [{ rule: 'too-long', severity: 'info', message: t.tooLong(length, settings.maxLength) }];
    }
    return [];
  },
};

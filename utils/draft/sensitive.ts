import type { Span } from './text';
import { fold } from './text';

/**
 * Personal or account data that belongs in a private reply, not a public
 * comment: e-mail addresses, phone numbers, order/invoice numbers, IBAN, card
 * numbers, postal addresses. Each detector is one linear regex pass plus a
 * cheap check (IBAN mod 97, Luhn) to keep false alarms down.
 */
export type SensitiveKind = 'email' | 'phone' | 'order' | 'iban' | 'card' | 'address';

export interface SensitiveMatch extends Span {
  kind: SensitiveKind;
}

// Lookbehinds make every regex start only where a run starts: without them a
// long run of letters or digits is rescanned from each of its characters (quadratic).
const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN_RE = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/** E-mail addresses, found from each `@` outwards (a regex scanning every word for an `@` costs far more). */
function emails(text: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && EMAIL_LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    if (start === at) continue;
    const domain = EMAIL_DOMAIN_RE.exec(text.slice(at + 1, at + 256));
    if (domain) out.push({ start, end: at + 1 + domain[0].length });
  }
  return out;
}
const IBAN_RE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g;
const CARD_RE = /(?<!\d)\d(?:[ -]?\d){12,18}\b/g;
/**
 * Order, invoice, parcel and reference numbers: a code with digits right after
 * a keyword ("commande n°", "invoice", "suivi :") or after `#`/`n°`. Found from
 * the digits (cheap to scan for), then the few characters before are checked.
 * Both run on the folded text (lower case, no accents).
 */
const ORDER_LEAD_RE =
  /(?:\b(?:commandes?|cdes?|cmd|orders?|factures?|invoices?|avoirs?|credit notes?|colis|parcel|suivi|tracking|reference|ref|dossier|ticket|recu|receipt|transaction|contrat|contract|bon de (?:commande|retour))\b\.?\s*(?:(?:n°|no\.?|nº|num(?:ero)?\.?|number|is|est|#|:)\s*)*|#|\bn°\s*|\bnº\s*)$/;
const CODE_DIGITS_RE = /\d[\da-z_/-]{3,}/g;
const LEAD_WINDOW = 48;

function orderCodes(folded: string): Span[] {
  const out: Span[] = [];
  for (const m of folded.matchAll(CODE_DIGITS_RE)) {
    // Up to six letters and one separator glued before the digits belong to the code ("fa-2024-00871", "a10234").
    let start = m.index;
    let j = start;
    if (j > 0 && '-_/'.includes(folded.charAt(j - 1))) j--;
    let letters = 0;
    while (j > 0 && letters < 6 && /[a-z]/.test(folded.charAt(j - 1))) {
      j--;
      letters++;
    }
    if (letters > 0) start = j;
    if (start > 0 && /[\p{L}\p{N}_]/u.test(folded.charAt(start - 1))) continue;
    if (!ORDER_LEAD_RE.test(folded.slice(Math.max(0, start - LEAD_WINDOW), start))) continue;
    const end = m.index + m[0].replace(/[-_/]+$/, '').length;
    out.push({ start, end });
  }
  return out;
}

const STANDALONE_CODE_RE = /\b(?:[A-Z]{2,6}[-_]?\d{4,}(?:[-_]\d+)*|\d{3,}[-_]\d{3,}(?:[-_]\d+)*)\b/g;
/** Candidates for phone numbers; the digits are then counted. */
const PHONE_RE = /(?<![\d+(])(?:\+|\b00)?\(?\d[\d \u00a0\u202f.()-]{6,}\d\b/g;
/** Street words with either case of their first letter ("rue", "Rue"): the name after them must be capitalised. */
const anyCase = (words: string) => words.split('|').map((w) => `[${w.charAt(0)}${w.charAt(0).toUpperCase()}]${w.slice(1)}`).join('|');
const FR_STREET = `(?:${anyCase('rue|avenue|av\\.?|boulevard|bd|place|pl\\.|allée|allee|impasse|chemin|route|rte|quai|cours|square|passage|résidence|residence|lotissement|lieu-dit|faubourg|fbg|voie|sentier|hameau')})`;
const EN_STREET = '(?:Street|St\\.?|Avenue|Ave\\.?|Road|Rd\\.?|Lane|Ln\\.?|Drive|Dr\\.?|Boulevard|Blvd\\.?|Court|Ct\\.?|Way|Place|Pl\\.?|Square|Terrace|Close|Crescent)';
const ADDRESS_RE = new RegExp(
  [
    // 12 bis rue des Lilas / 3, avenue Foch
    `\\b\\d{1,4}(?:\\s?(?:bis|ter|[a-d]))?,?\\s+${FR_STREET}\\s+(?:(?:de la|de l'|du|des|de|la|le|l'|d')\\s*)?[\\p{Lu}][\\p{L}'-]+(?:\\s+(?:(?:de|du|des|la|le|l'|d')\\s*)?[\\p{Lu}][\\p{L}'-]+){0,3}`,
    // 221B Baker Street
    `\\b\\d{1,5}[A-Za-z]?\\s+(?:[\\p{Lu}][\\p{L}'-]+\\s+){1,3}${EN_STREET}\\b`,
    // 75011 Paris, 13001 Marseille (postal code + town)
    `\\b(?:[0-8]\\d|9[0-8]|2[AB])\\d{3}\\s+[\\p{Lu}][\\p{L}'-]+(?:[\\s-][\\p{Lu}][\\p{L}'-]+){0,3}`,
  ].join('|'),
  'gu',
);

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s/g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) rest = (rest * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

function isPhone(candidate: string): boolean {
  const digits = digitsOf(candidate);
  const trimmed = candidate.trim();
  if (trimmed.startsWith('+') || trimmed.startsWith('00')) return digits.length >= 8 && digits.length <= 15;
  // National numbers with a trunk 0: France (10 digits, 01-09), UK (11 digits).
  if (/^0[1-9]/.test(digits) && (digits.length === 10 || digits.length === 11)) return true;
  // North American style: (555) 123-4567 / 555-123-4567 / 555.123.4567.
  return /^\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}$/.test(trimmed);
}

/** All sensitive spans, earlier kinds in this order win overlaps: IBAN, card, e-mail, order, phone, other codes, address. */
export function findSensitive(text: string, folded = fold(text)): SensitiveMatch[] {
  const found: SensitiveMatch[] = [];
  const overlaps = (start: number, end: number) => found.some((f) => start < f.end && end > f.start);
  const add = (kind: SensitiveKind, start: number, end: number) => {
    if (end > start && !overlaps(start, end)) found.push({ kind, start, end });
  };
  for (const m of text.matchAll(IBAN_RE)) if (ibanValid(m[0])) add('iban', m.index, m.index + m[0].length);
  for (const m of text.matchAll(CARD_RE)) {
    const d = digitsOf(m[0]);
    if (d.length >= 13 && d.length <= 19 && luhnValid(d) && !/^0[1-9]/.test(d)) add('card', m.index, m.index + m[0].length);
  }
  for (const m of emails(text)) add('email', m.start, m.end);
  for (const m of orderCodes(folded)) add('order', m.start, m.end);
  for (const m of text.matchAll(PHONE_RE)) {
    // The candidate may swallow a trailing bracket or dot; keep the number itself.
    const raw = m[0].replace(/[\s.(-]+$/, '');
    if (isPhone(raw)) add('phone', m.index, m.index + raw.length);
  }
  for (const m of text.matchAll(STANDALONE_CODE_RE)) add('order', m.index, m.index + m[0].length);
  for (const m of text.matchAll(ADDRESS_RE)) add('address', m.index, m.index + m[0].trimEnd().length);
  return found.sort((a, b) => a.start - b.start);
}

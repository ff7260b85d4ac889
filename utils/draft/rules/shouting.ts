import type { Rule } from '../doc';
import type { Finding } from '../types';
import { fold } from '../text';

/** Capitalised words that are not shouting: acronyms agents use every day. */
export const KNOWN_ACRONYMS = new Set(
  'SAV TVA PDF SMS RIB IBAN BIC TTC HT URL FAQ CGV CGU RGPD GDPR USA UK EU UE FR EN OK DM MP PM AM ASAP VAT ID PIN CEO API USB GPS SNCF RATP EDF CB TV HD PS NB SIRET SIREN TNT DHL UPS USPS GLS DPD LA LOL CV RH HR IT QR SAS SARL SA NFC WIFI WI FI APP IOS PC MAC RSVP FYI ETA ETA TBD PTO CET CEST UTC GMT EUR USD GBP AI IA SIM SSL FTP HTTP HTTPS WWW PNG JPG JPEG GIF MP3 MP4 DVD CD ATM SEPA PSD PAYPAL NOK KO COD TNT RDV CDI CDD SMIC PME TPE CSE DRH PDG DG DIY BBQ VIP XL XXL XS XXS'.split(' '),
);

// A cheap first character (upper-case Latin, Greek, Cyrillic ranges) lets the engine skip
// most positions; the exact checks (first letter upper case, neighbours) follow in code.
const CAPS_WORD_RE = /[A-ZÀ-ÖØ-Þ\u0100-\u024f\u0391-\u03a9\u0410-\u042f][\p{Lu}'’-]*\p{Lu}/gu;
const UPPER_RE = /^\p{Lu}/u;
/** A capital word glued to these is part of something else: a code, a handle, a path. */
const BEFORE_RE = /[\p{L}\p{N}_#@/-]/u;
const AFTER_RE = /[\p{L}\p{N}_/-]/u;
const MARKS_RE = /[!?]{3,}|(?:[!?]\s){2,}[!?]/g;
/** Template gaps (`XXX`, `{NAME}`, `[NOM]`) are reported by their own rule. */
const GAP_CONTEXT_RE = /^[Xx]+$/;

/**
 * Short words in capitals that are shouting, not brands: an unknown 3–4
 * letter word in capitals (IKEA, FNAC, LEGO) is more often a brand than a cry.
 */
const SHORT_SHOUTS = new Set(
  'NON OUI PAS TRES TOUT TOUS PLUS RIEN STOP VITE ICI DEJA BIEN MAL VOUS NOUS SONT FAIT FAUT LIRE SVP MOI TOI JAMAIS NOT NOW ALL YES THE AND YOU THIS MUST READ ONLY FREE LAST TIME NEVER VERY WHY WHAT STILL DONE SOON NEED HAVE'.split(' '),
);

/**
 * "Écrivez comme vous parleriez": capitals and `!!!` shout. Acronyms (SAV,
 * TVA, PDF), order codes (words with digits), configured company names and
 * extra acronyms are fine; so are one- and two-letter words (FR, OK, DM) and
 * a lone unknown 3–4 letter word (a brand). Neighbouring capital words make
 * one span ("C'EST TRÈS URGENT").
 */
export const shouting: Rule = {
  id: 'shouting',
  check(doc) {
    const { text, settings, ctx, t } = doc;
    const allowed = new Set([...settings.acronyms.map((a) => a.toUpperCase()), ...(ctx.companyNames ?? []).flatMap((c) => c.toUpperCase().split(/\s+/))]);
    const findings: Finding[] = [];
    let run: { start: number; end: number; words: number; strong: boolean } | null = null;
    const flush = () => {
      if (run && (run.strong || run.words >= 2)) {
        findings.push({ rule: 'shouting', severity: 'warn', start: run.start, end: run.end, message: t.shoutingCaps });
      }
      run = null;
    };
    for (const m of text.matchAll(CAPS_WORD_RE)) {
      const prevChar = text.charAt(m.index - 1);
      const nextChar = text.charAt(m.index + m[0].length);
      if (!UPPER_RE.test(m[0]) || (prevChar && BEFORE_RE.test(prevChar)) || (nextChar && AFTER_RE.test(nextChar))) continue;
      const word = m[0].replace(/['’-]/g, '');
      const letters = word.length;
      const prev = text.charAt(m.index - 1);
      const next = text.charAt(m.index + m[0].length);
      const inGap = (prev !== '' && '{[<%'.includes(prev)) || (next !== '' && '}]>%'.includes(next)) || GAP_CONTEXT_RE.test(word);
      // "C’EST" is a word with an elision, never an acronym (CEST is a time zone).
      const elided = /['’]/.test(m[0]);
      const plain = fold(word).toUpperCase();
      const acronym = !elided && (KNOWN_ACRONYMS.has(word) || allowed.has(word) || KNOWN_ACRONYMS.has(plain));
      if (letters < 3 || acronym || inGap) continue;
      const strong = letters >= 5 || elided || SHORT_SHOUTS.has(plain);
      if (run && /^[\s,.'’!?-]*$/.test(text.slice(run.end, m.index))) {
        run.end = m.index + m[0].length;
        run.words += 1;
        run.strong ||= strong;
      } else {
        flush();
        run = { start: m.index, end: m.index + m[0].length, words: 1, strong };
      }
    }
    flush();
    for (const m of text.matchAll(MARKS_RE)) {
      findings.push({ rule: 'shouting', severity: 'warn', start: m.index, end: m.index + m[0].length, message: t.shoutingMarks });
    }
    return findings.sort((a, b) => a.start! - b.start!);
  },
};

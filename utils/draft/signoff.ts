import type { Line, Span } from './text';
import { EMOJI_RE, fold, hasLetter, splitLines } from './text';

/**
 * Finds how a draft is signed, in its last lines. French and English
 * conventions: "Cordialement, Marie", "Bonne journée !\nMarie", "— Marie",
 * "Belle soirée ! Marie", "Marie, de l'équipe Acme" (a person, fine),
 * "L'équipe Acme" / "The Acme Team" / "Le service client" (a company: not fine).
 */
export type SignOffKind = 'agent' | 'name' | 'company' | 'closing-only' | 'none';

export interface SignOff {
  kind: SignOffKind;
  /** The signer's words ("Marie", "L'équipe Acme") when there are some. */
  signer?: Span;
}

export interface SignOffContext {
  agentName: string;
  companyNames: string[];
}

/** Closings after which a name is a signature: "Cordialement, Julie" signs even if Julie is a colleague. */
const REGARDS =
  '(?:(?:bien |tres |tres bien )?cordialement|bien a (?:vous|toi)|sinceres salutations|salutations(?: distinguees)?|amicalement|bien amicalement|respectueusement|(?:kind |best |warm |warmest )?regards|best wishes|all the best|best|cheers|sincerely|yours (?:sincerely|truly)|warmly)';
/**
 * Wishes and thanks: "Bonne journée Marc" may address the customer, so a name
 * after them signs only when it is the agent's (or the agent is unknown).
 */
const WISHES =
  "(?:bonne (?:fin de )?(?:journee|soiree|semaine|continuation|fin de semaine|apres-midi|apres midi)|belle (?:journee|soiree|semaine|fin de journee)|bon (?:week-end|weekend|week end|apres-midi|dimanche|samedi)|a (?:tres )?(?:bientot|vite)|a plus tard|a plus|au plaisir|(?:encore )?merci(?: (?:beaucoup|encore|a vous|a toi|d'avance|par avance|infiniment))?|(?:many |big )?thanks(?: again| a lot| so much)?|thank you(?: again| so much)?|have a (?:great|nice|good|lovely|wonderful) (?:day|evening|weekend|week|one)|talk soon|speak soon|see you(?: soon)?|take care|enjoy(?: your day)?)";

const CLOSING_HEAD = new RegExp(`^(?:(${REGARDS})|(${WISHES}))(?![\\p{L}])`, 'u');

/** Words that open a team/company signature. */
const LEAD_WORDS = new Set(['l', 'le', 'la', 'les', 'the', 'votre', 'vos', 'your', 'our', 'notre', 'nos', 'toute', 'tout', 'tous', 'toutes', 'all', 'team', 'equipe', 'service', 'sav', 'support', 'customer', 'staff', 'conseillers', 'conseiller', 'direction', 'boutique', 'magasin', 'accueil', 'helpdesk', 'care']);
const TEAM_WORDS = new Set(['team', 'equipe', 'service', 'services', 'sav', 'support', 'staff', 'care', 'conseillers', 'conseiller', 'direction', 'boutique', 'magasin', 'accueil', 'helpdesk', 'client', 'clients', 'clientele', 'customer', 'success', 'l', 'le', 'la', 'les', 'the', 'de', 'd', 'du', 'des', 'of', 'votre', 'vos', 'your', 'our', 'notre', 'nos', 'toute', 'tout', 'all']);
/** Articles and possessives: part of a team signature ("Toute l'équipe"), never one by themselves. */
const GLUE_WORDS = new Set(['l', 'le', 'la', 'les', 'the', 'de', 'd', 'du', 'des', 'of', 'votre', 'vos', 'your', 'our', 'notre', 'nos', 'toute', 'tout', 'tous', 'all']);
const CONNECTORS = new Set(['de', 'd', 'du', 'from', 'of', 'at', 'pour', 'for', 'chez', 'with', 'avec', 'et', 'and']);
/** Capitalised one-word lines that are not names ("Parfait !", "Merci"). */
const NOT_NAMES = new Set(
  'ok okay parfait super top genial merci oui non voila daccord bisous bises cool great perfect sure yes no bye ciao courage bravo felicitations enjoy welcome bienvenue desole sorry pardon hello bonjour bonsoir salut hi hey coucou ps nb cordialement regards best cheers thanks excellent entendu note noted done fait'.split(' '),
);

const SEPARATOR_RE = /^[\s]*[,@(|/&–—-][\s\S]*$/;

interface Token {
  word: string;
  folded: string;
  start: number;
  end: number;
}

function tokens(s: string, offset: number): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    out.push({ word: m[0], folded: fold(m[0]).replace(/-/g, ''), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

type Classified = { kind: 'agent' | 'name' | 'company'; span: Span } | null;

/**
 * Whether the text in `span` reads as a signature on its own, and whose.
 * Rejects sentences: too many words, digits, `?` `:` `;`, lowercase verbs.
 */
function classifySigner(text: string, span: Span, ctx: Compiled): Classified {
  const s = text.slice(span.start, span.end);
  if (!s.trim() || /[?:;\d]/.test(s) || /[.!]\s*\S/.test(s)) return null;
  const toks = tokens(s, span.start);
  if (toks.length === 0 || toks.length > 7) return null;
  const whole: Span = { start: toks[0]!.start, end: toks[toks.length - 1]!.end };
  // Keep a closing bracket that belongs to the signature ("Marie (Acme)").
  if (text.charAt(whole.end) === ')') whole.end += 1;
  const f = toks.map((t) => t.folded);
  const joined = ` ${f.join(' ')} `;
  if (ctx.agent && f.includes(ctx.agent)) return { kind: 'agent', span: whole };
  const company = ctx.companies.some((c) => joined.includes(` ${c} `));
  const first = toks[0]!;
  const startsWithCompany = ctx.companies.some((c) => ` ${joined.trimStart()}`.startsWith(` ${c} `));

  if (LEAD_WORDS.has(first.folded) || startsWithCompany) {
    // A team or company: every word must be a team word, a company word or a capitalised name.
    const allSignatureWords = toks.every((t) => TEAM_WORDS.has(t.folded) || isCapitalised(t.word) || ctx.companyWords.has(t.folded));
    const teamish = f.some((w) => TEAM_WORDS.has(w) && !GLUE_WORDS.has(w));
    if (allSignatureWords && (teamish || company)) {
      // "Acme - Marie": the company, then a person after a separator.
      const afterCompany = startsWithCompany && /[,|/–—-]\s*\p{Lu}/u.test(s) && !teamish;
      return { kind: afterCompany ? 'name' : 'company', span: whole };
    }
    return null;
  }
  if (!isCapitalised(first.word) || NOT_NAMES.has(first.folded)) return null;
  // A name: one to three capitalised words, then nothing, a connector or a separator.
  let i = 1;
  while (i < toks.length && i < 3 && isCapitalised(toks[i]!.word) && !TEAM_WORDS.has(toks[i]!.folded) && !ctx.companyWords.has(toks[i]!.folded)) i++;
  if (i === toks.length) return { kind: 'name', span: whole };
  const between = text.slice(toks[i - 1]!.end, toks[i]!.start);
  if (SEPARATOR_RE.test(between) || CONNECTORS.has(toks[i]!.folded)) return { kind: 'name', span: whole };
  // "Acme Team", "Acme SAV": a brand then a team word, no separator.
  if (TEAM_WORDS.has(toks[i]!.folded)) return { kind: 'company', span: whole };
  return null;
}

interface Compiled {
  agent: string;
  companies: string[];
  companyWords: Set<string>;
}

function compile(ctx: SignOffContext): Compiled {
  const companies = ctx.companyNames.map((c) => tokens(c, 0).map((t) => t.folded).join(' ')).filter(Boolean);
  return {
    agent: tokens(ctx.agentName ?? '', 0)[0]?.folded ?? '',
    companies,
    companyWords: new Set(companies.flatMap((c) => c.split(' '))),
  };
}

const DECORATION_RE = /[\s!.…~]/;
const SPACE_RE = /\s/;

/** Where `span` ends once trailing emoji and characters matching `strip` are dropped (code-point aware). */
function endWithout(text: string, span: Span, strip: RegExp): number {
  let end = span.end;
  while (end > span.start) {
    const code = text.charCodeAt(end - 1);
    const ch = code >= 0xdc00 && code <= 0xdfff && end - 2 >= span.start ? text.slice(end - 2, end) : text.charAt(end - 1);
    if (!strip.test(ch) && !EMOJI_RE.test(ch)) break;
    end -= ch.length;
  }
  return end;
}

/** Strips trailing emoji, spaces, `!` and `.` (they decorate, they don't sign) and leading spaces. */
function trimTail(text: string, span: Span): Span {
  const end = endWithout(text, span, DECORATION_RE);
  let start = span.start;
  while (start < end && SPACE_RE.test(text.charAt(start))) start++;
  return { start, end };
}

type SegmentResult = { kind: 'agent' | 'name' | 'company'; span: Span } | { kind: 'closing-only' } | null;

/** One segment: "— Marie", "Marie", "Cordialement, Marie", "Bonne journée !". */
function analyseSegment(text: string, folded: string, span: Span, ctx: Compiled): SegmentResult {
  const seg = trimTail(text, span);
  if (seg.end <= seg.start) return null;
  const dash = /^(?:—|–|-{1,2}|~)\s*/.exec(text.slice(seg.start, seg.end));
  if (dash) return classifySigner(text, { start: seg.start + dash[0].length, end: seg.end }, ctx);
  const head = CLOSING_HEAD.exec(folded.slice(seg.start, seg.end));
  if (head) {
    const restStart = seg.start + head[0].length;
    const sep = /^[\s,!.…:\p{Extended_Pictographic}\uFE0F-]*/u.exec(text.slice(restStart, seg.end))![0].length;
    const rest: Span = { start: restStart + sep, end: seg.end };
    if (rest.end <= rest.start) return { kind: 'closing-only' };
    const signer = classifySigner(text, rest, ctx);
    if (!signer) return { kind: 'closing-only' };
    // "Bonne journée Marc": a wish addressed to Marc unless Marc is the agent (or the agent is unknown).
    const isWish = head[2] !== undefined;
    if (isWish && signer.kind === 'name' && ctx.agent) return { kind: 'closing-only' };
    return signer;
  }
  return classifySigner(text, seg, ctx);
}

/** The segment of a line after its last sentence end or dash: "…demain. Bonne journée ! Marie" -> "Marie". */
function tailSegments(text: string, line: Line): Span[] {
  const spans: Span[] = [];
  const body = trimTail(text, line);
  const s = text.slice(body.start, body.end);
  // Sentence ends, dashes and emoji ("… quand tu veux 😉 Sophie") end a segment.
  const re = /[.!?…]+\s+|\s[—–-]\s?|\p{Extended_Pictographic}\uFE0F?\s+/gu;
  const ends: number[] = [];
  let lastDash = -1;
  for (const m of s.matchAll(re)) {
    if (/[—–-]/.test(m[0])) lastDash = m.index + m[0].indexOf(m[0].trim());
    ends.push(m.index + m[0].length);
  }
  const lastEnd = ends[ends.length - 1] ?? -1;
  if (lastDash >= 0 && lastDash < lastEnd) spans.push({ start: body.start + lastDash, end: body.end });
  if (lastEnd > 0 && lastEnd < s.length) spans.push({ start: body.start + lastEnd, end: body.end });
  // "Bonne journée ! Marie": the closing and its name as one segment too.
  if (ends.length >= 1 && lastEnd < s.length) spans.push({ start: body.start + (ends[ends.length - 2] ?? 0), end: body.end });
  return spans;
}

/**
 * "Toute l’équipe Acme vous remercie !": a team opening the last line, as the
 * subject of a sentence. Only a team counts this way ("Marie vous rappelle"
 * is a sentence about Marie, not a signature).
 */
const CLOSING_VERB_RE = /^[\s,]*(?:(?:vous|te|t') ?)?(?:remerci|souhait|dit merci|reste a votre|restons a votre|thank|wish|say thanks|look forward)/;

function teamSubject(text: string, line: Line, ctx: Compiled): SegmentResult {
  const toks = tokens(line.text, line.start);
  let i = 0;
  while (i < toks.length && i < 8 && (TEAM_WORDS.has(toks[i]!.folded) || isCapitalised(toks[i]!.word) || ctx.companyWords.has(toks[i]!.folded))) i++;
  if (i === 0 || i === toks.length) return null;
  // Only closing verbs: "vous remercie", "vous souhaite…", "thanks you"; not "vous rappelle demain".
  if (!CLOSING_VERB_RE.test(fold(text.slice(toks[i - 1]!.end, line.end)))) return null;
  const r = classifySigner(text, { start: toks[0]!.start, end: toks[i - 1]!.end }, ctx);
  return r?.kind === 'company' ? r : null;
}

function analyseLine(text: string, folded: string, line: Line, ctx: Compiled): SegmentResult {
  const whole = analyseSegment(text, folded, line, ctx);
  if (whole && whole.kind !== 'closing-only') return whole;
  const team = teamSubject(text, line, ctx);
  if (team) return team;
  let closingOnly = whole?.kind === 'closing-only';
  for (const span of tailSegments(text, line)) {
    const r = analyseSegment(text, folded, span, ctx);
    if (r && r.kind !== 'closing-only') return r;
    if (r) closingOnly = true;
  }
  return closingOnly ? { kind: 'closing-only' } : null;
}

const PS_RE = /^\s*(?:p\.?\s?-?s\.?|n\.?\s?b\.?)\s*[:.-]/i;

/** How many non-empty lines from the end are looked at. */
const LAST_LINES = 3;

export function findSignOff(text: string, context: SignOffContext, folded = fold(text), lines = splitLines(text)): SignOff {
  const ctx = compile(context);
  const last: Line[] = [];
  for (let i = lines.length - 1; i >= 0 && last.length < LAST_LINES; i--) {
    const line = lines[i]!;
    // A postscript comes after the signature: look above it.
    if (PS_RE.test(line.text)) last.length = 0;
    else if (hasLetter(line.text)) last.push(line);
  }
  if (last.length === 0) return { kind: 'none' };
  const [l0, l1] = last;
  const r0 = analyseLine(text, folded, l0!, ctx);
  if (r0 && r0.kind !== 'closing-only') {
    // "Marie\nService client Acme": a person, then the team.
    // The line above must not end a sentence ("Texte.\nAcme" is not a person then a team).
    if (r0.kind === 'company' && l1 && !/[.!?:;]$/.test(text.slice(l1.start, endWithout(text, l1, SPACE_RE)))) {
      const r1 = analyseLine(text, folded, l1, ctx);
      if (r1 && (r1.kind === 'agent' || r1.kind === 'name')) return { kind: r1.kind, signer: r1.span };
    }
    return { kind: r0.kind, signer: r0.span };
  }
  return { kind: r0 ? 'closing-only' : 'none' };
}

import type { DraftLocale } from './types';
import type { Line, Span } from './text';

/**
 * Finds paragraphs that give several sequential instructions as prose
 * ("Allez dans Mon compte, puis cliquez sur Commandes, ensuite…") and splits
 * them into steps, so a fix can rewrite them as a numbered list.
 */
export interface StepsBlock {
  /** The whole paragraph. */
  span: Span;
  /** Text before the first step ("Pour faire un retour"). */
  intro: Span | null;
  steps: Span[];
  /** Sentences after the last step ("Bonne journée !"). */
  outro: Span | null;
}

/** Connectors that start a new step even in the middle of a sentence. */
const SPLITTING = String.raw`(?:et |and )?(?:puis|ensuite|enfin|finalement|pour finir|apres (?:ca|cela|quoi)|une fois (?:que c'est |cela |ce )?(?:fait|termine|valide)|then|after that|afterwards|finally|lastly|once (?:that's|that is|it's|it is) done)`;
/** Connectors that mark a step only at the start of a clause. */
const LEADING = String.raw`(?:tout d'abord|d'abord|premierement|en premier|dans un premier temps|dans un second temps|apres|first(?: of all)?|firstly|next|secondly|second|third)`;


const LEAD_CONNECTOR_RE = new RegExp(String.raw`^(?:${SPLITTING}|${LEADING})\b[\s,]*`, 'u');
const ANY_CONNECTOR_RE = new RegExp(String.raw`\b(?:${SPLITTING}|${LEADING.replace('|apres', '')})\b`, 'u');

const NOT_IMPERATIVE_EZ = new Set(['chez', 'assez', 'nez', 'rez', 'avez', 'etes']);
const FR_TU_IMPERATIVES = new Set(
  'clique va ouvre envoie choisis selectionne appuie rends connecte verifie renseigne remplis tape indique retourne renvoie imprime colle copie telecharge installe redemarre mets prends fais ajoute scanne'.split(' '),
);
const EN_IMPERATIVES = new Set(
  'click tap go open select choose log sign enter type press scroll check send fill add copy paste download install restart reboot update find navigate visit return pack print attach use reply contact make put drop take write include upload confirm follow head hit wait remove delete clear close reopen turn switch save submit keep bring call email ship scan ask try verify review pick'.split(' '),
);
/** Clause ends: sentence ends, `;` `:` `,`, line breaks, before a splitting connector, before "et/and" + an imperative. */
const CLAUSE_END_RE = new RegExp(
  String.raw`[.!?…]+(?=\s|$)|[;:,]|\n|(?=\b${SPLITTING}\b)|(?=\b(?:et|and) (?:\p{L}{2,}ez|${[...EN_IMPERATIVES, ...FR_TU_IMPERATIVES].join('|')})\b)`,
  'gu',
);
const INSTRUCTION_LEAD_RE = /^(?:merci de|veuillez|il (?:vous )?(?:faut|faudra|suffit de)|vous (?:devez|devrez|pouvez|pourrez)|n'oubliez pas de|pensez a|you(?:'ll| will)? (?:need to|have to|can|should|must)|make sure|please|don't forget to|remember to)\b/;

/** Whether a clause (folded, connectors removed) starts with an instruction. */
function isInstruction(clause: string, locale: DraftLocale): boolean {
  if (INSTRUCTION_LEAD_RE.test(clause)) return true;
  const first = /^[\p{L}']+/u.exec(clause)?.[0] ?? '';
  const word = first.split(/['-]/)[0] ?? '';
  if (word.length >= 4 && word.endsWith('ez') && !NOT_IMPERATIVE_EZ.has(word)) return true;
  if (FR_TU_IMPERATIVES.has(word)) return locale === 'fr' || !EN_IMPERATIVES.has(word);
  return EN_IMPERATIVES.has(word);
}

interface Clause {
  start: number;
  end: number;
  /** Ended with a sentence end (not a comma or connector). */
  sentenceEnd: boolean;
  step: boolean;
  connector: boolean;
  instruction: boolean;
}

const LIST_LINE_RE = /^\s*(?:\d+\s*[.)-]|[-•*·▪►→✅👉]|\p{Extended_Pictographic})\s*/mu;

/** Splits one paragraph into clauses and decides which start a step. */
function clausesOf(folded: string, para: Span, locale: DraftLocale): Clause[] {
  const s = folded.slice(para.start, para.end);
  const out: Clause[] = [];
  let from = 0;
  const push = (to: number, sentenceEnd: boolean) => {
    const raw = s.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body && /\p{L}/u.test(body)) {
      const connectorMatch = LEAD_CONNECTOR_RE.exec(body);
      const rest = (connectorMatch ? body.slice(connectorMatch[0].length) : body).replace(/^(?:et|and)\s+/, '');
      const instruction = isInstruction(rest, locale);
      const connector = !!connectorMatch || ANY_CONNECTOR_RE.test(body);
      out.push({
        start: para.start + from + lead,
        end: para.start + from + lead + body.length,
        sentenceEnd,
        instruction,
        connector,
        step: instruction || !!connectorMatch,
      });
    } else if (out.length && sentenceEnd) out[out.length - 1]!.sentenceEnd = true;
    from = to;
  };
  for (const m of s.matchAll(CLAUSE_END_RE)) {
    if (m[0].length === 0) {
      if (m.index > from) push(m.index, false);
    } else push(m.index + m[0].length, /[.!?…\n]/.test(m[0]));
  }
  push(s.length, true);
  return out;
}

export function findStepBlocks(folded: string, paragraphs: Line[], minSteps: number, locale: DraftLocale): StepsBlock[] {
  const blocks: StepsBlock[] = [];
  for (const para of paragraphs) {
    const paraText = folded.slice(para.start, para.end);
    // Already a list: nothing to say.
    if (paraText.split('\n').filter((l) => LIST_LINE_RE.test(l)).length >= 2) continue;
    const clauses = clausesOf(folded, para, locale);
    const stepClauses = clauses.filter((c) => c.step);
    if (stepClauses.length < minSteps) continue;
    if (!clauses.some((c) => c.connector) || !clauses.some((c) => c.instruction)) continue;

    // Group clauses into steps: a non-step clause continues the step before it,
    // until a sentence ends after the last step (then it is the outro).
    const firstStep = clauses.indexOf(stepClauses[0]!);
    const lastStep = clauses.lastIndexOf(stepClauses[stepClauses.length - 1]!);
    let outroFrom = clauses.length;
    for (let i = lastStep; i < clauses.length; i++) {
      if (clauses[i]!.sentenceEnd) {
        outroFrom = i + 1;
        break;
      }
    }
    const steps: Span[] = [];
    for (let i = firstStep; i < outroFrom; i++) {
      const c = clauses[i]!;
      if (c.step || steps.length === 0) steps.push({ start: c.start, end: c.end });
      else steps[steps.length - 1]!.end = c.end;
    }
    if (steps.length < minSteps) continue;
    const introClauses = clauses.slice(0, firstStep);
    const outroClauses = clauses.slice(outroFrom);
    blocks.push({
      span: { start: para.start, end: para.end },
      intro: introClauses.length ? { start: introClauses[0]!.start, end: introClauses[introClauses.length - 1]!.end } : null,
      steps,
      outro: outroClauses.length ? { start: outroClauses[0]!.start, end: para.end } : null,
    });
  }
  return blocks;
}

/** Text of one step for a list item: connectors, trailing commas and "et/and" removed, capitalised. */
export function stepText(text: string, folded: string, span: Span): string {
  let start = span.start;
  const lead = /^(?:(?:et|and)\s+)?/.exec(folded.slice(start, span.end))![0].length;
  start += lead;
  const connector = LEAD_CONNECTOR_RE.exec(folded.slice(start, span.end));
  if (connector) start += connector[0].length;
  start += /^(?:(?:et|and)\s+)?/.exec(folded.slice(start, span.end))![0].length;
  let s = text.slice(start, span.end).trim();
  s = s.replace(/[\s,;:]+$/u, '').replace(/\s+(?:et|and)$/iu, '').replace(/[.]$/u, '').replace(/\s*\n\s*/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The paragraph rewritten as "intro :\n1. …\n2. …\n\noutro". */
export function stepsAsList(text: string, folded: string, block: StepsBlock, locale: DraftLocale): string {
  const items = block.steps.map((s, i) => `${i + 1}. ${stepText(text, folded, s)}`);
  let intro = block.intro ? text.slice(block.intro.start, block.intro.end).trim() : '';
  if (intro) {
    intro = intro.replace(/[\s,;]+$/u, '');
    if (!/[.:!?]$/.test(intro)) intro += locale === 'fr' ? ' :' : ':';
  }
  const outro = block.outro ? text.slice(block.outro.start, block.outro.end).trim() : '';
  const list = [intro, items.join('\n')].filter(Boolean).join('\n');
  return outro ? `${list}\n${outro}` : list;
}

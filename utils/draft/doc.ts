import type { DraftRuleSettings } from './config';
import { detectLocale } from './language';
import { findingMessages, type FindingMessages } from './strings';
import { findSignOff, type SignOff } from './signoff';
import { findGreeting } from './greeting';
import { findStepBlocks, type StepsBlock } from './steps';
import type { DraftContext, DraftLocale, Finding } from './types';
import { fold, splitLines, splitParagraphs, wordCount, type Line, type Span } from './text';

/**
 * One draft, analysed once and shared by every rule. The costlier parts
 * (sign-off, steps) are computed on first use so disabled rules cost nothing.
 */
export interface Doc {
  text: string;
  folded: string;
  lines: Line[];
  paragraphs: Line[];
  /** Language of the draft (context.locale or detected). */
  locale: DraftLocale;
  /** Language of the messages. */
  t: FindingMessages;
  ctx: DraftContext;
  settings: DraftRuleSettings;
  words: number;
  greeting(): Span | null;
  signOff(): SignOff;
  stepBlocks(): StepsBlock[];
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

export function analyse(text: string, ctx: DraftContext, settings: DraftRuleSettings): Doc {
  const folded = fold(text);
  const lines = splitLines(text);
  const locale = ctx.locale ?? detectLocale(text, folded);
  const ui = ctx.uiLocale ?? locale;
  const doc: Doc = {
    text,
    folded,
    lines,
    paragraphs: splitParagraphs(lines),
    locale,
    t: findingMessages[ui],
    ctx,
    settings,
    words: wordCount(text),
    greeting: once(() => findGreeting(folded)),
    signOff: once(() => findSignOff(text, { agentName: ctx.agentName ?? '', companyNames: ctx.companyNames ?? [] }, folded, lines)),
    stepBlocks: once(() => findStepBlocks(folded, doc.paragraphs, settings.minSteps, locale)),
  };
  return doc;
}

export interface Rule {
  id: Finding['rule'];
  check(doc: Doc): Finding[];
}

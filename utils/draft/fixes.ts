import type { DraftLocale, Finding, DraftContext } from './types';
import { detectLocale } from './language';
import { findStepBlocks, stepsAsList } from './steps';
import { fold, splitLines, splitParagraphs } from './text';
import { DEFAULT_DRAFT_RULE_SETTINGS } from './config';
import { firstNameOf, type FixId } from './fix-offer';

// Which fix a finding offers is decided in the content script; the rewriting (below) runs in the background.
export { firstNameOf, fixFor, type FixId } from './fix-offer';

/** Adds "— Marie" on its own line at the end. */
export function appendSignOff(text: string, agentName: string): string {
  const name = firstNameOf(agentName);
  return `${text.replace(/\s+$/u, '')}\n— ${name}`;
}

/** Replaces the company signature span with the agent's first name. */
export function replaceSignOff(text: string, start: number, end: number, agentName: string): string {
  return text.slice(0, start) + firstNameOf(agentName) + text.slice(end);
}

/** Rewrites the paragraph whose steps start at `stepsStart` as a numbered list. */
export function numberSteps(text: string, stepsStart: number, locale: DraftLocale = detectLocale(text), minSteps = DEFAULT_DRAFT_RULE_SETTINGS.minSteps): string | null {
  const folded = fold(text);
  const blocks = findStepBlocks(folded, splitParagraphs(splitLines(text)), minSteps, locale);
  const block = blocks.find((b) => b.steps[0]?.start === stepsStart) ?? (blocks.length === 1 ? blocks[0] : undefined);
  if (!block) return null;
  return text.slice(0, block.span.start) + stepsAsList(text, folded, block, locale) + text.slice(block.span.end);
}

/** Applies a fix to the text the finding was computed on. */
export function applyFix(
  id: FixId,
  finding: Finding,
  text: string,
  context: Pick<DraftContext, 'agentName' | 'locale'>,
  minSteps?: number,
): string | null {
  switch (id) {
    case 'append-sign-off':
      return firstNameOf(context.agentName) ? appendSignOff(text, context.agentName) : null;
    case 'replace-sign-off':
      if (finding.start === undefined || finding.end === undefined || !firstNameOf(context.agentName)) return null;
      return replaceSignOff(text, finding.start, finding.end, context.agentName);
    case 'numbered-list':
      return finding.start === undefined ? null : numberSteps(text, finding.start, context.locale ?? detectLocale(text), minSteps);
  }
}

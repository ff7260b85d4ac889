import type { DraftContext, Finding } from './types';

/**
 * One-click fixes the sidebar offers. Each returns the whole new draft (the
 * composer is rewritten with `replaceAll`), or null when it no longer
 * applies (the draft changed since the check).
 */
export type FixId = 'append-sign-off' | 'replace-sign-off' | 'numbered-list';

/** The agent's first name: "Marie Dupont" signs "Marie". */
export function firstNameOf(agentName: string): string {
  return agentName.trim().split(/\s+/)[0] ?? '';
}

/** Which fix a finding offers, if a safe one exists. */
export function fixFor(finding: Finding, context: Pick<DraftContext, 'agentName'>): FixId | null {
  const named = firstNameOf(context.agentName ?? '') !== '';
  if (finding.rule === 'missing-sign-off' && named) return 'append-sign-off';
  if (finding.rule === 'company-sign-off' && named && finding.start !== undefined) return 'replace-sign-off';
  if (finding.rule === 'steps-as-prose' && finding.start !== undefined) return 'numbered-list';
  return null;
}

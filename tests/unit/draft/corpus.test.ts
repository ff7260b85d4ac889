import { describe, expect, it } from 'vitest';
import { checkDraft, RULE_IDS } from '../../../utils/draft';
import { BASE_CONTEXT, CORPUS } from './corpus';

describe('draft corpus', () => {
  it('has at least 80 drafts in both languages', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
    expect(CORPUS.filter((c) => c.name.startsWith('fr ')).length).toBeGreaterThanOrEqual(30);
    expect(CORPUS.filter((c) => c.name.startsWith('en ')).length).toBeGreaterThanOrEqual(30);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  });

  it('covers every rule as present and as absent', () => {
    for (const id of RULE_IDS) {
      expect(CORPUS.some((c) => c.present.includes(id)), id).toBe(true);
      expect(CORPUS.some((c) => !c.present.includes(id)), id).toBe(true);
    }
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const findings = checkDraft(c.text, { ...BASE_CONTEXT, ...c.ctx });
    const raised = [...new Set(findings.map((f) => f.rule))].sort();
    // Exact set: expected rules present, every other rule absent.
    expect(raised).toEqual([...c.present].sort());
    for (const f of findings) {
      if (f.start !== undefined) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeGreaterThan(f.start);
        expect(f.end).toBeLessThanOrEqual(c.text.length);
      }
      expect(f.message.length).toBeGreaterThan(10);
    }
  });
});

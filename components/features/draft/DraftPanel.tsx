import { useState } from 'preact/hooks';
import { messagesFor } from '../../../utils/i18n';
import type { Finding } from '../../../utils/draft';
import type { FixId } from '../../../utils/draft/fix-offer';
import { draftPanelMessages, ruleLabelKey } from './strings';
import type { DraftState, FixOutcome } from './state';
import { DraftIdleNotice } from './standin';

const t = messagesFor(draftPanelMessages);

/** Longest excerpt of the draft shown under a finding. */
const EXCERPT_MAX = 80;

function excerpt(text: string, finding: Finding): string | null {
  if (finding.start === undefined || finding.end === undefined || finding.end <= finding.start) return null;
  const span = text.slice(finding.start, finding.end).replace(/\s+/g, ' ').trim();
  return span.length > EXCERPT_MAX ? `${span.slice(0, EXCERPT_MAX - 1)}…` : span;
}

function fixLabel(fix: FixId, name: string): string {
  if (fix === 'append-sign-off') return t.value.fixAppendSignOff(name);
  if (fix === 'replace-sign-off') return t.value.fixReplaceSignOff(name);
  return t.value.fixNumberedList;
}

function outcomeText(outcome: FixOutcome): string {
  if (outcome.ok) return t.value.fixApplied;
  const key = `fixFailed_${outcome.reason.replace(/-/g, '_')}` as keyof typeof t.value;
  const text = t.value[key];
  return typeof text === 'string' ? text : t.value.fixFailed_rejected;
}

function NamePrompt({ state }: { state: DraftState }) {
  const [name, setName] = useState('');
  const [failed, setFailed] = useState(false);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return;
    setFailed(!(await state.saveAgentName(name)));
  };
  return (
    <form class="ip-notice ip-draft-name" onSubmit={onSubmit} data-testid="draft-name-prompt">
      <label for="ip-draft-name-input">{t.value.askName}</label>
      <div class="ip-draft-name-row">
        <input
          id="ip-draft-name-input"
          type="text"
          maxLength={40}
          autocomplete="given-name"
          placeholder={t.value.askNamePlaceholder}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          data-testid="draft-name-input"
        />
        <button type="submit" class="ip-btn ip-btn--primary" data-testid="draft-name-save">{t.value.askNameSave}</button>
        <button type="button" class="ip-btn" onClick={() => state.dismissNamePrompt()} data-testid="draft-name-later">{t.value.askNameLater}</button>
      </div>
      {failed && <p role="alert">{t.value.askNameSaveFailed}</p>}
    </form>
  );
}

/** Spans shown per rule at most ("TRÈS", "!!!", …). */
const SPANS_MAX = 4;

/** One card per rule: its explanations, the spans it concerns, and a fix when one is safe. */
function FindingGroup({ state, findings, text }: { state: DraftState; findings: Finding[]; text: string }) {
  const [status, setStatus] = useState<FixOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const first = findings[0]!;
  const fixable = findings.map((f) => ({ finding: f, fix: state.fixFor(f) })).find((x) => x.fix !== null);
  const messages = [...new Set(findings.map((f) => f.message))];
  const spans = findings.map((f) => excerpt(text, f)).filter((x): x is string => !!x);
  const label = t.value[ruleLabelKey(first.rule)];
  const severity = findings.some((f) => f.severity === 'warn') ? 'warn' : 'info';
  const onFix = async () => {
    if (!fixable?.fix) return;
    setBusy(true);
    setStatus(await state.applyFix(fixable.finding, fixable.fix));
    setBusy(false);
  };
  return (
    <li class={`ip-draft-finding ip-draft-finding--${severity}`} data-testid="draft-finding" data-rule={first.rule}>
      <div class="ip-draft-finding-head">
        <strong>{typeof label === 'string' ? label : first.rule}</strong>
        <span class="ip-draft-badge">{severity === 'warn' ? t.value.severity_warn : t.value.severity_info}</span>
      </div>
      {messages.map((m) => (
        <p class="ip-draft-message" key={m}>{m}</p>
      ))}
      {spans.slice(0, SPANS_MAX).map((span, i) => (
        <mark class="ip-draft-span" data-testid="draft-span" key={`${i}:${span}`}>{span}</mark>
      ))}
      {spans.length > SPANS_MAX && <p class="ip-muted">+{spans.length - SPANS_MAX}</p>}
      {fixable?.fix && (
        <button type="button" class="ip-btn ip-draft-fix" disabled={busy} onClick={onFix} data-testid="draft-fix" data-fix={fixable.fix}>
          {fixLabel(fixable.fix, state.agentFirstName.value)}
        </button>
      )}
      {status && (
        <p class={`ip-draft-status${status.ok ? ' ip-state-ok' : ' ip-state-late'}`} role="status" data-testid="draft-fix-status">
          {outcomeText(status)}
        </p>
      )}
    </li>
  );
}

/** Findings grouped by rule, in the engine's order. */
function byRule(findings: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.rule);
    if (group) group.push(f);
    else groups.set(f.rule, [f]);
  }
  return [...groups.values()];
}

export function DraftPanel({ state }: { state: DraftState }) {
  const { text, findings } = state.checked.value;
  const blank = text.trim() === '';
  const groups = byRule(findings);
  return (
    <div class="ip-draft" data-testid="draft-panel">
      {state.askName.value && <NamePrompt state={state} />}
      {(!state.composerFound.value || blank) && findings.length === 0 ? (
        <DraftIdleNotice composerFound={state.composerFound.value} />
      ) : findings.length === 0 ? (
        <p class="ip-state-ok ip-draft-ok" role="status" data-testid="draft-ok">✓ {t.value.looksGood}</p>
      ) : (
        <>
          <p class="ip-muted" aria-live="polite">{t.value.count(groups.length)}</p>
          <ul class="ip-list ip-draft-findings">
            {groups.map((g) => (
              <FindingGroup key={`${g[0]!.rule}:${text.length}`} state={state} findings={g} text={text} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

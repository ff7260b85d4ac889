import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { uiLocale } from '../../../utils/i18n';
import { sendMessage, type RequestOf } from '../../../utils/messaging';
import type { Finding } from '../../../utils/draft/types';
import { firstNameOf, fixFor, type FixId } from '../../../utils/draft/fix-offer';
import { draftContextFrom } from '../../../utils/draft/inbox-context';
import { DEFAULT_DRAFT_SETTINGS, draftNamePromptDismissed, draftSettings, type DraftSettings } from '../../../utils/draft/settings';
import type { DraftContext } from '../../../utils/draft/types';
import type { InsertResult } from '../../../utils/inbox/types';
import { generalSettings, validateGeneralSettings } from '../../../utils/settings/general';
import { liveItem } from '../../../utils/settings/live';
import type { FeatureEnv } from '../types';

/** Typing pauses this long before the draft is checked again. */
export const DRAFT_DEBOUNCE_MS = 250;

export type FixOutcome = { ok: true } | { ok: false; reason: Exclude<InsertResult, { ok: true }>['reason'] | 'stale' };

export interface CheckedDraft {
  /** The text the findings' offsets refer to. */
  text: string;
  findings: Finding[];
  context: DraftContext;
}

export interface DraftState {
  composerFound: ReadonlySignal<boolean>;
  checked: ReadonlySignal<CheckedDraft>;
  /** True while the agent's first name is unknown and the prompt was not dismissed. */
  askName: ReadonlySignal<boolean>;
  agentFirstName: ReadonlySignal<string>;
  fixFor(finding: Finding): FixId | null;
  applyFix(finding: Finding, fix: FixId): Promise<FixOutcome>;
  saveAgentName(name: string): Promise<boolean>;
  dismissNamePrompt(): void;
}

export type DraftCheckRequest = RequestOf<'draft:check'>;
export type DraftFixRequest = RequestOf<'draft:fix'>;

export interface DraftStateDeps {
  /**
   * Runs the checks. Default: the background worker (`draft:check`), which
   * owns the rule engine and the saved replies; keeping the engine out of the
   * content script keeps the script small. The text only travels by runtime
   * messaging and is never stored.
   */
  check?: (request: DraftCheckRequest) => Promise<Finding[]>;
  /** Computes a fix's new draft (null: no longer applies). Default: the background (`draft:fix`). */
  fix?: (request: DraftFixRequest) => Promise<string | null>;
  debounceMs?: number;
}

const checkInBackground = async (request: DraftCheckRequest) => (await sendMessage('draft:check', request)).findings;
const fixInBackground = async (request: DraftFixRequest) => (await sendMessage('draft:fix', request)).text;

/** What the checks are given: the page context without the saved replies (the background adds them). */
function contextWithoutSaved(context: DraftContext): Omit<DraftContext, 'savedReplies'> {
  const { savedReplies: _unused, ...rest } = context;
  return rest;
}

/**
 * The panel's state: the composer text (debounced), the context from the
 * settings and the page, the findings, and the fixes. Lives as long as the
 * content script; everything is bound to the feature's scope.
 */
export function createDraftState(env: Pick<FeatureEnv, 'scope' | 'inbox' | 'general'>, deps: DraftStateDeps = {}): DraftState {
  const { scope, inbox, general } = env;
  const abort = scope.signal;
  const debounceMs = deps.debounceMs ?? DRAFT_DEBOUNCE_MS;
  const settings = liveItem<DraftSettings>(draftSettings, DEFAULT_DRAFT_SETTINGS, abort);
  const promptDismissed = liveItem<boolean>(draftNamePromptDismissed, false, abort);

  const check = deps.check ?? checkInBackground;
  const computeFix = deps.fix ?? fixInBackground;

  // Debounce: the text only moves to `typed` once the agent pauses.
  const typed = signal(inbox.snapshot.peek().composer.text);
  let timer: ReturnType<typeof setTimeout> | undefined;
  scope.effect(() => {
    const text = inbox.snapshot.value.composer.text;
    clearTimeout(timer);
    if (text === typed.peek()) return;
    timer = setTimeout(() => (typed.value = text), debounceMs);
  });
  scope.onInvalidated(() => clearTimeout(timer));

  const composerFound = computed(() => inbox.snapshot.value.composer.found);
  // The snapshot changes on every keystroke; the context only when one of its fields does, so typing
  // asks the background once per pause (the debounce), not once per key.
  let lastContext: DraftContext | null = null;
  const context = computed(() => {
    const next = draftContextFrom(inbox.snapshot.value, general.value, [], uiLocale.value);
    if (lastContext && JSON.stringify(lastContext) === JSON.stringify(next)) return lastContext;
    return (lastContext = next);
  });
  const checked = signal<CheckedDraft>({ text: typed.peek(), findings: [], context: context.peek() });

  // Every change of text, context or settings asks the background again; only
  // the latest question's answer is shown (an older one may arrive later).
  let sequence = 0;
  const ask = (text: string, ctxValue: DraftContext, rules: DraftSettings): Promise<Finding[]> =>
    check({ text, context: contextWithoutSaved(ctxValue), settings: rules }).then(
      (findings) => (Array.isArray(findings) ? findings : []),
      () => [], // No background answer (worker restarting, feature failing): show no findings rather than throw.
    );
  scope.effect(() => {
    const text = typed.value;
    const ctxValue = context.value;
    const rules = settings.value;
    const mine = ++sequence;
    void ask(text, ctxValue, rules).then((findings) => {
      if (mine === sequence && !abort.aborted) checked.value = { text, findings, context: ctxValue };
    });
  });

  const agentFirstName = computed(() => firstNameOf(general.value.agentName));
  // Also remembered locally: hides the prompt at once, even before storage answers.
  const dismissedNow = signal(false);
  const askName = computed(() => agentFirstName.value === '' && !promptDismissed.value && !dismissedNow.value);

  async function apply(finding: Finding, fix: FixId): Promise<FixOutcome> {
    const snapshot = inbox.snapshot.peek();
    const current = snapshot.composer.text;
    const { text: checkedText, context: ctxValue } = checked.peek();
    let next: string | null;
    try {
      next = await computeFix({ fix, finding, checkedText, text: current, context: contextWithoutSaved(ctxValue), settings: settings.peek() });
    } catch {
      return { ok: false, reason: 'rejected' };
    }
    // Computing the fix is asynchronous: never overwrite words typed meanwhile.
    if (next === null || inbox.snapshot.peek().composer.text !== current) return { ok: false, reason: 'stale' };
    try {
      const result = await inbox.insertText(next, { conversation: snapshot.open?.key ?? null, replaceAll: true });
      return result.ok ? { ok: true } : { ok: false, reason: result.reason };
    } catch {
      return { ok: false, reason: 'rejected' };
    }
  }

  async function saveAgentName(name: string): Promise<boolean> {
    try {
      const current = await generalSettings.getValue();
      const { value, issues } = validateGeneralSettings({ ...current, agentName: name });
      if (issues.length || !value.agentName) return false;
      await generalSettings.setValue(value);
      return true;
    } catch {
      return false;
    }
  }

  return {
    composerFound,
    checked,
    askName,
    agentFirstName,
    fixFor: (finding) => fixFor(finding, { agentName: general.value.agentName }),
    applyFix: apply,
    saveAgentName,
    dismissNamePrompt: () => {
      dismissedNow.value = true;
      void draftNamePromptDismissed.setValue(true).catch(() => undefined);
    },
  };
}

import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { uiLocale } from '../../../utils/i18n';
import { sendMessage } from '../../../utils/messaging';
import { checkDraft, type Finding } from '../../../utils/draft';
import { applyFix, firstNameOf, fixFor, type FixId } from '../../../utils/draft/fixes';
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

export interface DraftStateDeps {
  /** Bodies of the saved replies; failures mean "none" (the saved-replies feature may be absent). */
  loadSavedReplies?: () => Promise<string[]>;
  debounceMs?: number;
}

const loadFromBackground = async () => (await sendMessage('replies:list', undefined)).replies.map((r) => r.body);

/**
 * The panel's state: the composer text (debounced), the context from the
 * settings and the page, the findings, and the fixes. Lives as long as the
 * content script; everything is torn down with `ctx`.
 */
export function createDraftState(env: Pick<FeatureEnv, 'ctx' | 'inbox' | 'general'>, deps: DraftStateDeps = {}): DraftState {
  const { ctx, inbox, general } = env;
  const abort = ctx.signal;
  const debounceMs = deps.debounceMs ?? DRAFT_DEBOUNCE_MS;
  const settings = liveItem<DraftSettings>(draftSettings, DEFAULT_DRAFT_SETTINGS, abort);
  const promptDismissed = liveItem<boolean>(draftNamePromptDismissed, false, abort);

  const savedReplies = signal<string[]>([]);
  const loadSaved = deps.loadSavedReplies ?? loadFromBackground;
  const refreshSaved = () =>
    loadSaved().then(
      (bodies) => void (savedReplies.value = Array.isArray(bodies) ? bodies.filter((b) => typeof b === 'string') : []),
      () => void (savedReplies.value = []),
    );
  void refreshSaved();

  // Debounce: the text only moves to `typed` once the agent pauses.
  const typed = signal(inbox.snapshot.peek().composer.text);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastConversation = inbox.snapshot.peek().open?.key ?? null;
  const stop = effect(() => {
    const snapshot = inbox.snapshot.value;
    const text = snapshot.composer.text;
    const conversation = snapshot.open?.key ?? null;
    if (conversation !== lastConversation) {
      // Another conversation: saved replies may have been edited meanwhile.
      lastConversation = conversation;
      void refreshSaved();
    }
    clearTimeout(timer);
    if (text === typed.peek()) return;
    timer = setTimeout(() => (typed.value = text), debounceMs);
  });
  abort.addEventListener('abort', () => {
    stop();
    clearTimeout(timer);
  }, { once: true });

  const composerFound = computed(() => inbox.snapshot.value.composer.found);
  const context = computed(() =>
    draftContextFrom(inbox.snapshot.value, general.value, savedReplies.value, uiLocale.value),
  );
  const checked = computed<CheckedDraft>(() => {
    const text = typed.value;
    const ctxValue = context.value;
    try {
      return { text, findings: checkDraft(text, ctxValue, settings.value), context: ctxValue };
    } catch {
      return { text, findings: [], context: ctxValue };
    }
  });
  const agentFirstName = computed(() => firstNameOf(general.value.agentName));
  // Also remembered locally: hides the prompt at once, even before storage answers.
  const dismissedNow = signal(false);
  const askName = computed(() => agentFirstName.value === '' && !promptDismissed.value && !dismissedNow.value);

  async function apply(finding: Finding, fix: FixId): Promise<FixOutcome> {
    const snapshot = inbox.snapshot.peek();
    const current = snapshot.composer.text;
    const { text, context: ctxValue } = checked.peek();
    let target = finding;
    let base = text;
    if (current !== text) {
      // The agent typed since the last check: re-check the live text so offsets match it.
      const fresh = checkDraft(current, ctxValue, settings.peek()).find((f) => f.rule === finding.rule);
      if (!fresh) return { ok: false, reason: 'stale' };
      target = fresh;
      base = current;
    }
    const next = applyFix(fix, target, base, { agentName: general.peek().agentName }, settings.peek().minSteps);
    if (next === null || next === base) return { ok: false, reason: 'stale' };
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

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScope } from '../../../utils/lifecycle/scope';
import { render } from 'preact';
import { signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing';
import { createDraftState, type DraftCheckRequest } from '../../../components/features/draft/state';
import { registerDraftBackground } from '../../../components/features/draft/background';
import type { Finding } from '../../../utils/draft/types';
import { DraftPanel } from '../../../components/features/draft/DraftPanel';
import { draftFeature } from '../../../components/features/draft/content';
import { uiLocale } from '../../../utils/i18n';
import { draftSettings, DEFAULT_DRAFT_SETTINGS } from '../../../utils/draft/settings';
import { DEFAULT_GENERAL_SETTINGS, generalSettings, type GeneralSettings } from '../../../utils/settings/general';
import { liveItem } from '../../../utils/settings/live';
import type { InboxEvent, InboxSnapshot, InboxSource, InsertResult } from '../../../utils/inbox/types';

const INBOX = 'https://business.facebook.com/latest/inbox';

function snapshot(text: string, options: { url?: string; found?: boolean; enabled?: boolean } = {}): InboxSnapshot {
  return {
    url: options.url ?? `${INBOX}/messenger?asset_id=1&selected_item_id=t_1`,
    takenAt: 0,
    locale: 'fr',
    page: { assetId: '1', name: 'Acme' },
    conversations: [],
    open: { id: 't_1', key: 't_1', customerName: 'Julie Martin', messages: [] },
    composer: { found: options.found ?? true, enabled: options.enabled ?? true, text, kind: 'lexical' },
    health: { found: { list: true, thread: true, composer: true }, missing: [], recognized: true },
  };
}

let root: HTMLElement;
let abort: AbortController;

/** A fake adapter: the composer text is a signal; insertText with replaceAll rewrites it (like the real one). */
function fakeInbox(initial: InboxSnapshot) {
  const snap = signal(initial);
  const insertText = vi.fn(async (text: string, options?: { conversation?: string | null; replaceAll?: boolean }): Promise<InsertResult> => {
    const current = snap.value;
    snap.value = { ...current, composer: { ...current.composer, text: options?.replaceAll ? text : current.composer.text + text } };
    return { ok: true, method: 'beforeinput' };
  });
  const inbox: InboxSource = {
    snapshot: snap,
    onEvent: (_l: (e: InboxEvent) => void) => () => undefined,
    openConversation: () => false,
    insertText,
  };
  const type = (text: string) => (snap.value = { ...snap.value, composer: { ...snap.value.composer, text } });
  return { inbox, snap, insertText, type };
}

/**
 * Mounts the panel against the real background handler (`draft:check` through
 * fakeBrowser's runtime messaging), fed with `savedReplies` as the saved-replies feature would.
 * `check` replaces the background entirely (to control answer timing).
 */
async function mount(
  initial: InboxSnapshot,
  general: Partial<GeneralSettings> = { agentName: 'Marie', companyNames: ['Acme'] },
  savedReplies: () => Promise<string[]> = async () => [],
  check?: (request: DraftCheckRequest) => Promise<Finding[]>,
) {
  await generalSettings.setValue({ ...DEFAULT_GENERAL_SETTINGS, ...general });
  fakeBrowser.runtime.onMessage.removeAllListeners();
  registerDraftBackground({ bodies: savedReplies });
  abort = new AbortController();
  const scope = createScope({ id: 'draft', parent: abort.signal });
  const generalSignal = liveItem(generalSettings, DEFAULT_GENERAL_SETTINGS, abort.signal);
  await generalSignal.ready;
  const fake = fakeInbox(initial);
  const state = createDraftState({ scope, inbox: fake.inbox, general: generalSignal }, { debounceMs: 20, ...(check ? { check } : {}) });
  render(<DraftPanel state={state} />, root);
  return { ...fake, state };
}

const findings = () => [...root.querySelectorAll<HTMLElement>('[data-testid="draft-finding"]')];
const rules = () => findings().map((f) => f.dataset.rule);
const byRule = (rule: string) => findings().find((f) => f.dataset.rule === rule);

beforeEach(() => {
  uiLocale.value = 'en';
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  abort?.abort();
});

describe('draft panel', () => {
  it('shows findings for the typed draft after a pause, with the span and a UI-language explanation', async () => {
    const { type } = await mount(snapshot(''));
    expect(root.querySelector('[data-testid="draft-empty"]')).not.toBeNull();
    type('Bonjour Julie,\nVotre colis est parti ce matin.\nCordialement,\nL’équipe Acme');
    // Debounced: nothing yet right after typing.
    expect(findings()).toHaveLength(0);
    await vi.waitFor(() => expect(rules()).toContain('company-sign-off'));
    const item = byRule('company-sign-off')!;
    expect(item.querySelector('[data-testid="draft-span"]')!.textContent).toBe('L’équipe Acme');
    // The draft is French but the agent reads English.
    expect(item.textContent).toMatch(/Signed with the company/);
  });

  it('replaces a company sign-off with the agent name through insertText(replaceAll)', async () => {
    const { type, insertText, snap } = await mount(snapshot(''));
    type('Bonjour Julie,\nVotre colis est parti ce matin.\nCordialement,\nL’équipe Acme');
    await vi.waitFor(() => expect(byRule('company-sign-off')).toBeDefined());
    byRule('company-sign-off')!.querySelector<HTMLButtonElement>('[data-testid="draft-fix"]')!.click();
    await vi.waitFor(() => expect(insertText).toHaveBeenCalledTimes(1));
    expect(insertText.mock.calls[0]![1]).toEqual({ conversation: 't_1', replaceAll: true });
    expect(snap.value.composer.text).toBe('Bonjour Julie,\nVotre colis est parti ce matin.\nCordialement,\nMarie');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="draft-ok"]')).not.toBeNull());
  });

  it('appends "— first name" when the draft is unsigned', async () => {
    const { type, snap } = await mount(snapshot(''), { agentName: 'Marie Dupont', companyNames: [] });
    type('Hi Emma, your order shipped this morning and should arrive on Thursday.');
    await vi.waitFor(() => expect(byRule('missing-sign-off')).toBeDefined());
    const button = byRule('missing-sign-off')!.querySelector<HTMLButtonElement>('[data-testid="draft-fix"]')!;
    expect(button.textContent).toContain('— Marie');
    button.click();
    await vi.waitFor(() => expect(snap.value.composer.text).toBe('Hi Emma, your order shipped this morning and should arrive on Thursday.\n— Marie'));
  });

  it('turns steps written as prose into a numbered list', async () => {
    const { type, snap } = await mount(snapshot(''));
    type('Hi Zoe,\nTo reset your password, open the app, then tap Settings, then select Account and finally tap Reset password.\nMarie');
    await vi.waitFor(() => expect(byRule('steps-as-prose')).toBeDefined());
    byRule('steps-as-prose')!.querySelector<HTMLButtonElement>('[data-testid="draft-fix"]')!.click();
    await vi.waitFor(() => expect(snap.value.composer.text).toContain('1. Open the app'));
    expect(snap.value.composer.text).toBe('Hi Zoe,\nTo reset your password:\n1. Open the app\n2. Tap Settings\n3. Select Account\n4. Tap Reset password\nMarie');
  });

  it('fixes the live text when the agent typed since the last check', async () => {
    const { type, snap } = await mount(snapshot(''), { agentName: 'Marie Dupont', companyNames: [] });
    type('Hi Emma, your order shipped this morning and should arrive on Thursday.');
    await vi.waitFor(() => expect(byRule('missing-sign-off')).toBeDefined());
    type('Hi Emma, your order shipped this morning and should arrive on Thursday or Friday.');
    byRule('missing-sign-off')!.querySelector<HTMLButtonElement>('[data-testid="draft-fix"]')!.click();
    await vi.waitFor(() => expect(snap.value.composer.text).toBe('Hi Emma, your order shipped this morning and should arrive on Thursday or Friday.\n— Marie'));
  });

  it('says when a fix could not be written, and changes nothing', async () => {
    const { type, insertText, snap } = await mount(snapshot(''));
    insertText.mockResolvedValueOnce({ ok: false, reason: 'wrong-conversation' });
    type('Bonjour, votre commande est partie ce matin, elle arrive demain chez vous.');
    await vi.waitFor(() => expect(byRule('missing-sign-off')).toBeDefined());
    byRule('missing-sign-off')!.querySelector<HTMLButtonElement>('[data-testid="draft-fix"]')!.click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="draft-fix-status"]')?.textContent).toMatch(/Another conversation/));
    expect(snap.value.composer.text).toBe('Bonjour, votre commande est partie ce matin, elle arrive demain chez vous.');
  });

  it('groups the findings of one rule in one card with every span', async () => {
    const { type } = await mount(snapshot(''));
    type('Bonjour, c’est TRÈS URGENT, merci de répondre avant vendredi !!!\nMarie');
    await vi.waitFor(() => expect(rules()).toEqual(['shouting']));
    const spans = [...byRule('shouting')!.querySelectorAll('[data-testid="draft-span"]')].map((m) => m.textContent);
    expect(spans).toEqual(['TRÈS URGENT', '!!!']);
    expect(byRule('shouting')!.querySelectorAll('.ip-draft-message')).toHaveLength(2);
    expect(root.textContent).toContain('1 point to check');
  });

  it('shows "looks good" for a clean draft, in French when the UI is French', async () => {
    uiLocale.value = 'fr';
    const { type } = await mount(snapshot(''));
    type('Bonjour Julie,\nVotre colis est parti ce matin.\nBonne journée,\nMarie');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="draft-ok"]')?.textContent).toMatch(/C’est bon/));
    expect(findings()).toHaveLength(0);
  });

  it('flags private data only in the comments tabs', async () => {
    const text = 'Bonjour, appelez-nous au 06 12 34 56 78.\nMarie';
    await mount(snapshot(text, { url: `${INBOX}/facebook?asset_id=1` }));
    await vi.waitFor(() => expect(rules()).toContain('sensitive-in-public'));
    render(null, root);
    abort.abort();
    await mount(snapshot(text, { url: `${INBOX}/instagram_direct?asset_id=1` }));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="draft-ok"]')).not.toBeNull());
  });

  it('explains the closed window when the composer is disabled', async () => {
    await mount(snapshot('', { enabled: false }));
    await vi.waitFor(() => expect(rules()).toEqual(['window-closed']));
    expect(byRule('window-closed')!.textContent).toMatch(/7 days/);
  });

  it('flags a saved reply pasted unchanged, and survives a failing saved-replies source', async () => {
    const saved = 'Hi, our shop is open Monday to Saturday from 10am to 7pm, and on Sundays from 11am to 5pm.';
    await mount(snapshot(`${saved}\nMarie`), undefined, async () => [saved]);
    await vi.waitFor(() => expect(rules()).toContain('unadapted-saved-reply'));
    render(null, root);
    abort.abort();
    await mount(snapshot(`${saved}\nMarie`), undefined, async () => {
      throw new Error('no handler');
    });
    await vi.waitFor(() => expect(root.querySelector('[data-testid="draft-ok"]')).not.toBeNull());
  });

  it('shows only the latest check when an older answer arrives late', async () => {
    const pending: Array<{ text: string; resolve: (f: Finding[]) => void }> = [];
    const check = (request: DraftCheckRequest) => new Promise<Finding[]>((resolve) => pending.push({ text: request.text, resolve }));
    const { type } = await mount(snapshot(''), undefined, undefined, check);
    type('first draft');
    await vi.waitFor(() => expect(pending.map((p) => p.text)).toContain('first draft'));
    type('second draft');
    await vi.waitFor(() => expect(pending.map((p) => p.text)).toContain('second draft'));
    const answer = (text: string, rule: Finding['rule']) => pending.find((p) => p.text === text)!.resolve([{ rule, severity: 'warn', message: text }]);
    answer('second draft', 'shouting');
    await vi.waitFor(() => expect(rules()).toEqual(['shouting']));
    answer('first draft', 'too-long'); // Stale: must not replace the newer findings.
    await new Promise((r) => setTimeout(r, 30));
    expect(rules()).toEqual(['shouting']);
  });

  it('never sends the draft anywhere but the background check, and stores nothing of it', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const { type } = await mount(snapshot(''));
    type('Bonjour, mon numéro secret est le 06 12 34 56 78, à bientôt.');
    await vi.waitFor(() => expect(rules()).toContain('missing-sign-off'));
    const types = sent.mock.calls.map(([m]) => (m as { type: string }).type);
    expect(new Set(types)).toEqual(new Set(['draft:check']));
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('secret');
  });

  it('asks for the first name once when it is unknown, and saves it to the general settings', async () => {
    const { type } = await mount(snapshot(''), { agentName: '', companyNames: [] });
    expect(root.querySelector('[data-testid="draft-name-prompt"]')).not.toBeNull();
    type('Hi Emma, your order shipped this morning and should arrive on Thursday.');
    await vi.waitFor(() => expect(byRule('missing-sign-off')).toBeDefined());
    // No name: no signing fix to offer yet.
    expect(byRule('missing-sign-off')!.querySelector('[data-testid="draft-fix"]')).toBeNull();
    const input = root.querySelector<HTMLInputElement>('[data-testid="draft-name-input"]')!;
    input.value = '  Marie ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(input.value).toBe('  Marie '));
    root.querySelector<HTMLButtonElement>('[data-testid="draft-name-save"]')!.click();
    await vi.waitFor(async () => expect((await generalSettings.getValue()).agentName).toBe('Marie'));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="draft-name-prompt"]')).toBeNull());
    await vi.waitFor(() => expect(byRule('missing-sign-off')!.querySelector('[data-testid="draft-fix"]')?.textContent).toContain('— Marie'));
  });

  it('does not ask again once dismissed', async () => {
    await mount(snapshot(''), { agentName: '' });
    root.querySelector<HTMLButtonElement>('[data-testid="draft-name-later"]')!.click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="draft-name-prompt"]')).toBeNull());
    render(null, root);
    abort.abort();
    await mount(snapshot(''), { agentName: '' });
    await new Promise((r) => setTimeout(r, 30));
    expect(root.querySelector('[data-testid="draft-name-prompt"]')).toBeNull();
  });

  it('follows the rule switches from the options', async () => {
    await draftSettings.setValue({ ...DEFAULT_DRAFT_SETTINGS, enabled: { ...DEFAULT_DRAFT_SETTINGS.enabled, 'missing-sign-off': false } });
    const { type } = await mount(snapshot(''));
    type('Bonjour, votre commande est partie ce matin, elle arrive demain chez vous.');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="draft-ok"]')).not.toBeNull());
  });

  it('is a sidebar feature whose init never needs the page', async () => {
    abort = new AbortController();
    const scope = createScope({ id: 'draft', parent: abort.signal });
    const { inbox } = fakeInbox(snapshot('', { found: false }));
    const { Panel } = (await draftFeature.start({ scope, inbox, now: signal(0), wakeAt: () => () => undefined, general: signal(DEFAULT_GENERAL_SETTINGS) }))!;
    render(Panel ? <Panel /> : null, root);
    expect(root.querySelector('[data-testid="draft-no-composer"]')).not.toBeNull();
    expect(draftFeature.meta.id).toBe('draft');
  });

  it('loads its checks on first use (issue 14): nothing is asked until the agent writes or the composer is disabled', async () => {
    registerDraftBackground();
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const asked = () => sent.mock.calls.filter(([m]) => (m as { type: string }).type === 'draft:check').length;
    for (const trigger of ['type', 'disable'] as const) {
      abort?.abort();
      sent.mockClear();
      abort = new AbortController();
      const scope = createScope({ id: 'draft', parent: abort.signal });
      const { inbox, snap, type } = fakeInbox(snapshot(''));
      const general = signal({ ...DEFAULT_GENERAL_SETTINGS, agentName: 'Marie', companyNames: ['Acme'] });
      const { Panel } = (await draftFeature.start({ scope, inbox, now: signal(0), wakeAt: () => () => undefined, general }))!;
      render(Panel ? <Panel /> : null, root);
      expect(root.querySelector('[data-testid="draft-empty"]')).not.toBeNull();
      await new Promise((r) => setTimeout(r, 400)); // longer than the checks' debounce
      expect(asked()).toBe(0);
      if (trigger === 'type') type('Bonjour\nCordialement,\nAcme');
      else snap.value = snapshot('', { enabled: false });
      await vi.waitFor(() => expect(root.querySelector('[data-testid="draft-finding"]')).not.toBeNull(), { timeout: 3000 });
      expect(asked()).toBeGreaterThan(0);
      render(null, root);
    }
  });
});

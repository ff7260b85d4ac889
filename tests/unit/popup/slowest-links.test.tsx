import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { SlowestResponses } from '../../../components/popup/SlowestResponses';
import { conversationUrl } from '../../../components/popup/conversation-link';
import type { SlowResponse } from '../../../utils/stats/analysis';
import { uiLocale } from '../../../utils/i18n';

const at = Date.parse('2026-12-01T13:05:00Z');
const slow = (conversation: string, agent: string, pageId = '104729384756123', precision: 'exact' | 'approximate' = 'exact'): SlowResponse => ({
  pageId,
  conversation,
  customerAt: at,
  repliedAt: at + 900_000,
  agent,
  responseSeconds: 900,
  businessResponseSeconds: 900,
  withinTarget: false,
  source: 'this-browser',
  precision,
  seconds: 900,
});

let hosts: HTMLElement[] = [];
afterEach(() => {
  for (const h of hosts) render(null, h);
  hosts = [];
  document.body.replaceChildren();
  uiLocale.value = 'en';
  vi.restoreAllMocks();
});

async function mount(rows: SlowResponse[], names: Map<string, string> | 'fail' = new Map()) {
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  const lookupNames = vi.fn(async () => {
    if (names === 'fail') throw new Error('no inbox tab');
    return names;
  });
  await act(async () => render(<SlowestResponses rows={rows} lookupNames={lookupNames} />, host));
  await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
  return { host, lookupNames };
}

describe('conversationUrl', () => {
  it('builds the Business Suite URL from Meta ids', () => {
    const url = new URL(conversationUrl('104729384756123', '100087654321098')!);
    expect(url.origin + url.pathname).toBe('https://business.facebook.com/latest/inbox/all');
    expect(url.searchParams.get('asset_id')).toBe('104729384756123');
    expect(url.searchParams.get('selected_item_id')).toBe('100087654321098');
    // Instagram thread ids are 39 digits.
    expect(conversationUrl('1', '3'.repeat(39))).toContain(`selected_item_id=${'3'.repeat(39)}`);
  });

  it('makes no link without a Meta id for both the Page and the conversation', () => {
    expect(conversationUrl('', '100087654321098')).toBeNull();
    expect(conversationUrl('104729384756123', 'r:1a2b3c4d5e')).toBeNull();
    expect(conversationUrl('104729384756123', '')).toBeNull();
    expect(conversationUrl('104729384756123', '123&selected_item_id=9')).toBeNull();
    expect(conversationUrl('1 2', '3')).toBeNull();
    expect(conversationUrl('1', '4'.repeat(41))).toBeNull();
  });
});

describe('slowest responses in the popup', () => {
  it('labels each by day, time and agent and opens it in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const { host } = await mount([slow('100087654321098', 'Marie'), slow('100087654321099', '')]);
    const links = [...host.querySelectorAll<HTMLAnchorElement>('[data-testid="slow-response-link"]')];
    expect(links).toHaveLength(2);
    const when = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
    expect(links[0]!.textContent).toBe(`${when} · Marie (opens the conversation in Business Suite in a new tab)`);
    expect(links[1]!.textContent).toContain(`${when} · (unknown)`);
    expect(links[0]!.getAttribute('href')).toBe('https://business.facebook.com/latest/inbox/all?asset_id=104729384756123&selected_item_id=100087654321098');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toContain('noopener');
    links[0]!.click();
    expect(create).toHaveBeenCalledWith({ url: links[0]!.href });
    expect(host.querySelector('[data-testid="slow-response"] .num')!.textContent).toBe('15 min 00');
  });

  it('says why a conversation has no link', async () => {
    const { host } = await mount([slow('r:1a2b3c4d5e', 'Paul'), slow('100087654321098', 'Paul', '')]);
    expect(host.querySelector('[data-testid="slow-response-link"]')).toBeNull();
    const plain = [...host.querySelectorAll('[data-testid="slow-response-nolink"]')];
    expect(plain).toHaveLength(2);
    expect(plain[0]!.textContent).toContain('Paul');
    expect(plain[0]!.textContent).toContain('no link: never opened in the inbox while recorded');
  });

  it('shows a customer name only when an open inbox tab supplies it', async () => {
    const rows = [slow('100087654321098', 'Marie'), slow('100087654321099', 'Paul')];
    const { host, lookupNames } = await mount(rows, new Map([['100087654321098', 'Alice Martin']]));
    expect(lookupNames).toHaveBeenCalledWith(['100087654321098', '100087654321099']);
    const links = [...host.querySelectorAll('[data-testid="slow-response-link"]')];
    expect(links[0]!.textContent!.startsWith('Alice Martin · ')).toBe(true);
    expect(links[1]!.textContent!.startsWith('Alice')).toBe(false);
    const none = await mount(rows, 'fail');
    expect(none.host.textContent).not.toContain('Alice');
    expect(none.host.querySelectorAll('[data-testid="slow-response-link"]')).toHaveLength(2);
  });

  it('marks approximate times and speaks French', async () => {
    uiLocale.value = 'fr';
    const { host } = await mount([slow('100087654321098', 'Marie', '104729384756123', 'approximate'), slow('r:x', 'Marie')]);
    expect(host.querySelector('th')!.textContent).toBe('Conversation');
    expect(host.querySelector('[data-testid="slow-response-link"]')!.textContent).toContain('(ouvre la conversation dans Business Suite dans un nouvel onglet)');
    expect(host.querySelector('[title="heure approximative"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="slow-response-nolink"]')!.textContent).toContain('pas de lien');
  });
});

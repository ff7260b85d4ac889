import { describe, expect, it } from 'vitest';
import { hashId, layoutReport, scrubText, shape } from '../../../utils/inbox/layout-report';
import { takeSnapshot } from '../../../utils/inbox/snapshot';
import type { InboxSnapshot } from '../../../utils/inbox/types';
import { reportToFixture } from '../../../scripts/layout-report-to-fixture.mjs';
import { FIXTURE_NAMES, loadFixture, type Fixture } from './fixtures';

const TZ = 'Europe/Paris';
const SIMULATED = FIXTURE_NAMES.filter((n) => n.startsWith('sim-') || n.startsWith('hand-2026'));

/** Loads a fixture text into the (shared) global document, as loadFixture does with a file. */
function loadText(html: string): Fixture {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = document.documentElement;
  for (const attr of [...root.attributes]) root.removeAttribute(attr.name);
  for (const attr of [...parsed.documentElement.attributes]) root.setAttribute(attr.name, attr.value);
  root.replaceChildren(...[...parsed.documentElement.childNodes].map((n) => document.importNode(n, true)));
  const meta = /captured-at=(\d+) url=(\S+)/.exec(html)!;
  return { name: 'report', doc: document, url: meta[2]!, now: Number(meta[1]), truth: null };
}

/** A snapshot without the texts (names, previews, messages, agents) and what is derived from them (name-based keys, hashed ids). */
function withoutTexts(s: InboxSnapshot) {
  return {
    locale: s.locale,
    conversations: s.conversations.map((r) => ({ id: r.id !== null, lastFrom: r.lastFrom, lastAt: r.lastAt, unread: r.unread, selected: r.selected, channel: r.channel, named: !!r.customerName })),
    open: s.open && {
      id: s.open.id !== null,
      channel: s.open.channel,
      named: !!s.open.customerName,
      messages: s.open.messages.map((m) => ({ side: m.side, agent: m.agent !== null, at: m.at, automated: m.automated, attachment: !!m.attachment, byId: m.key.startsWith('mid:') })),
    },
    composer: { ...s.composer, text: s.composer.text.length },
    health: s.health,
  };
}

describe('layout report', () => {
  it('shapes text: letters, digits, symbols; keeps spacing, punctuation, known phrases and time tokens', () => {
    expect(shape('Léa Martin, +33 6 12!')).toBe('Xxx Xxxxxx, +00 0 00!');
    expect(scrubText('You: Your order ships today.')).toBe('You: Xxxx xxxxx xxxxx xxxxx.');
    expect(scrubText('Paul Girard assigned this conversation to Nina Roy.')).toBe('Xxxx Xxxxxx assigned this conversation to Xxxx Xxx.');
    expect(scrubText('Feb 23, 2026, 4:58 PM')).toBe('Feb 23, 2026, 4:58 PM');
    expect(scrubText('Sent by ')).toBe('Sent by ');
    expect(scrubText('Vous avez envoyé une photo de Lyon.')).toBe('Vous avez envoyé xxx xxxxx xx Xxxx.');
    expect(hashId('178414098765432109876543210987654321098')).toMatch(/^\d{39}$/);
    expect(hashId('178414098765432109876543210987654321098')).not.toBe('178414098765432109876543210987654321098');
    expect(hashId('abc')).toBe(hashId('abc'));
  });

  it.each(SIMULATED)('%s: no customer text survives in the report', (name) => {
    const f = loadFixture(name);
    const s = takeSnapshot(f.doc, f.url, f.now, { timeZone: TZ });
    const secrets = [
      ...s.conversations.flatMap((r) => [r.customerName, r.preview.replace(/^(You|Vous) ?: /, '')]),
      ...(s.open?.messages.filter((m) => m.side !== 'system').map((m) => m.text) ?? []),
      ...(f.truth?.rows.map((r) => r.name) ?? []),
      ...(f.truth?.messages.filter((m) => m.side !== 'system').map((m) => m.text) ?? []),
      ...(s.open?.messages.filter((m) => !m.automated).map((m) => m.agent) ?? []),
      s.page.name,
    ].filter((t): t is string => !!t && t.length >= 4 && !/^[\d\s:.,apm]+$/i.test(t) && !/^(you|vous) /i.test(t));
    expect(secrets.length).toBeGreaterThan(5);
    const report = layoutReport(f.doc, f.url, f.now);
    for (const secret of secrets) expect(report, secret).not.toContain(secret);
    for (const id of [s.open?.id, f.truth?.open].filter((x): x is string => !!x)) expect(report).not.toContain(id);
    expect(report).not.toMatch(/<script|class="/);
  }, 30_000); // computed styles of every element: slow when the machine is busy

  it.each(SIMULATED)('%s: report → fixture → the same snapshot apart from the texts', (name) => {
    const f = loadFixture(name);
    const before = withoutTexts(takeSnapshot(f.doc, f.url, f.now, { timeZone: TZ }));
    const fixture = reportToFixture(layoutReport(f.doc, f.url, f.now), `round trip of ${name}`);
    const g = loadText(fixture);
    const after = withoutTexts(takeSnapshot(g.doc, g.url, g.now, { timeZone: TZ }));
    expect(after).toEqual(before);
  }, 30_000);

  it('the fixture script refuses what is not a report, with a message', () => {
    expect(() => reportToFixture('')).toThrow(/empty/);
    expect(() => reportToFixture('<html><body></body></html>')).toThrow(/not a layout report/);
    const ok = layoutReport(loadFixture('hand-2026-en.html').doc, 'https://business.facebook.com/latest/inbox/all?asset_id=1', 5);
    expect(() => reportToFixture(ok.replace('<body', '<script>x</script><body'))).toThrow(/script/);
    expect(() => reportToFixture(ok.slice(0, 200))).toThrow(/no <body>/);
    expect(reportToFixture(ok, 'x')).toMatch(/captured-at=5 url=https:\/\/business\.facebook\.com\/latest\/inbox\/all\?asset_id=\d -->/);
  });
});

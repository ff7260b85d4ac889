import { describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../../utils/inbox/snapshot';
import { FIXTURE_NAMES, loadFixture } from './fixtures';

/** The captured 2026 sim pages, read against the sim's own model (the truth comment capture-sim.mjs writes). */
const TZ = 'Europe/Paris';
const PAGES = FIXTURE_NAMES.filter((n) => n.startsWith('sim-2026-'));
const CHANNEL: Record<string, string> = { messenger: 'messenger', instagram_direct: 'instagram', whatsapp: 'whatsapp', facebook: 'comment' };

interface Truth2026 {
  open: string;
  name: string;
  rows: Array<{ id: string; name: string; lastFrom: 'customer' | 'page' | null; unread: boolean; platform: string }>;
  messages: Array<{ side: 'customer' | 'page' | 'system'; agent?: string | null; text: string; messageId?: string; kind: string }>;
  composer: string;
}

describe.each(PAGES)('%s against the sim truth', (name) => {
  it('rows, open conversation (id, channel), messages with sides, agents and ids', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(2);
    const f = loadFixture(name);
    const truth = f.truth as unknown as Truth2026;
    const s = takeSnapshot(f.doc, f.url, f.now, { timeZone: TZ });
    expect(s.health).toMatchObject({ found: { list: true, thread: true, composer: true }, missing: [], recognized: true });
    expect(s.health.via?.row).toContain('thread_row');
    expect(s.conversations.length).toBeGreaterThan(5);
    expect(s.conversations.map((r) => [r.customerName, r.unread])).toEqual(truth.rows.slice(0, s.conversations.length).map((r) => [r.name, r.unread]));
    // The sim's lastFrom for rows whose preview is a reaction/unsent is the customer's; the list alone cannot tell: unknown.
    s.conversations.forEach((r, i) => {
      if (r.lastFrom !== 'unknown') expect(r.lastFrom, r.preview).toBe(truth.rows[i]!.lastFrom);
    });
    const openRow = truth.rows.find((r) => r.id === truth.open)!;
    expect(s.open).toMatchObject({ id: truth.open, key: truth.open, customerName: truth.name, channel: CHANNEL[openRow.platform] });
    expect(s.open!.messages.length).toBeGreaterThan(8);
    const tail = truth.messages.slice(-s.open!.messages.length);
    expect(s.open!.messages.map((m) => [m.side, m.side === 'page' ? m.agent : null, m.text])).toEqual(
      tail.map((m) => [m.side, m.side === 'page' ? (m.agent ?? null) : null, m.kind === 'unsent' ? expect.any(String) : m.text]),
    );
    expect(s.open!.messages.filter((m) => m.side !== 'system').every((m) => m.key.startsWith('mid:'))).toBe(true);
    expect(s.open!.messages.filter((m) => m.automated).every((m) => ['Meta AI', 'Automated response', 'Instant reply', 'Réponse automatique', 'Réponse instantanée'].includes(m.agent!))).toBe(true);
    expect(s.composer.found && s.composer.kind === 'lexical').toBe(true);
  });
});

import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { Dexie } from 'dexie';
import { fakeBrowser } from 'wxt/testing';
import { sendMessage } from '../../../utils/messaging';
import { registerStatsBackground, collectOrphanOutboxes, OUTBOX_ALARM, PURGE_ALARM, TRACE_LOG, TRACE_SWITCH } from '../../../components/features/stats/background';
import { resetSettingsProblemsForTests, statsSettingsProblems } from '../../../utils/stats/health';
import { DEFAULT_TIMING_SETTINGS, timingSettings } from '../../../utils/timers/settings';
import { defaultSchedule } from '../../../utils/timers/business-hours';
import { resetStatsDbForTests, statsDb, STATS_DB_NAME } from '../../../utils/stats/db';
import { makeBundle } from '../../../utils/stats/bundle';
import { statsSettings } from '../../../utils/stats/settings';
import { generalSettings, DEFAULT_GENERAL_SETTINGS } from '../../../utils/settings/general';
import { customer, MIN, reply, T0 } from './fixtures';
import type { InboxEvent } from '../../../utils/inbox/types';

/** Responses counted in the day columns the popup reads. */
const columnCount = async () => (await statsDb().days.toArray()).reduce((n, d) => n + d.repliedAt.length, 0);

beforeEach(async () => {
  resetStatsDbForTests();
  await Dexie.delete(STATS_DB_NAME);
  registerStatsBackground();
});

describe('stats:events', () => {
  it('records a response and acknowledges every event after the commit', async () => {
    const events = [customer('a', T0), reply('a', T0 + 2 * MIN, 'Marie', 'this-browser')];
    const { acked } = await sendMessage('stats:events', { events });
    expect(acked).toEqual(events.map((e) => e.id));
    const stored = await statsDb().responses.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ pageId: 'page1', conversation: 'a', responseSeconds: 120, source: 'this-browser', agent: 'Marie', withinTarget: true });
    expect(JSON.stringify(stored)).not.toContain('Jeanne'); // no customer name at rest
    expect(JSON.stringify(await statsDb().pending.toArray())).not.toContain('Jeanne');
  });

  it('a second report of the very same reply corrects the stored credit, across batches (issue 16)', async () => {
    const seen = { ...(reply('a', T0 + MIN, 'Marie Dupont', 'observed') as Extract<InboxEvent, { kind: 'reply-sent' }>), id: 'rs:same-bubble' };
    await sendMessage('stats:events', { events: [customer('a', T0), seen] });
    expect(await statsDb().responses.toArray()).toEqual([expect.objectContaining({ agent: 'Marie Dupont', source: 'observed' })]);
    // The tab that sent it reports it later (its own id for the same bubble), in another batch: the stored state remembers the reply.
    await sendMessage('stats:events', { events: [{ ...seen, at: T0 + MIN - 700, agent: 'Marie', via: 'this-browser' }] });
    const stored = await statsDb().responses.toArray();
    expect(stored).toEqual([expect.objectContaining({ agent: 'Marie', source: 'this-browser', repliedAt: T0 + MIN })]);
    const [day] = await statsDb().days.toArray();
    expect(day!.agents[day!.agent[0]!]).toBe('Marie');
    // A late label on this browser's own record does not turn it into an observed copy.
    await sendMessage('stats:events', { events: [{ ...seen, agent: 'Marie Dupont', via: 'observed' }] });
    expect(await statsDb().responses.toArray()).toEqual(stored);
  });

  it('is idempotent: the same batch twice, or from two tabs, is stored once', async () => {
    const events = [customer('a', T0), reply('a', T0 + MIN), customer('b', T0), reply('b', T0 + 9 * MIN)];
    await sendMessage('stats:events', { events });
    await sendMessage('stats:events', { events });
    await sendMessage('stats:events', { events: [customer('a', T0 + 300), reply('a', T0 + MIN, 'Marie', 'observed')] });
    expect(await statsDb().responses.count()).toBe(2);
    expect(await columnCount()).toBe(2); // the popup's day columns agree
  });

  it('pairs across batches (state survives between messages and worker restarts)', async () => {
    await sendMessage('stats:events', { events: [customer('a', T0)] });
    resetStatsDbForTests(); // a new worker opens the database afresh
    await sendMessage('stats:events', { events: [reply('a', T0 + 3 * MIN)] });
    expect((await statsDb().responses.toArray()).map((r) => r.responseSeconds)).toEqual([180]);
  });

  it('pairs a message seen in the list before the first opening with the reply seen in the thread (rowKey)', async () => {
    await sendMessage('stats:events', { events: [{ ...customer('r:row1', T0), rowKey: 'r:row1' }] });
    resetStatsDbForTests();
    await sendMessage('stats:events', { events: [{ ...reply('1001', T0 + 4 * MIN), rowKey: 'r:row1' }] });
    expect((await statsDb().responses.toArray()).map((r) => [r.conversation, r.responseSeconds])).toEqual([['1001', 240]]);
  });

  it('judges against the configured target', async () => {
    await generalSettings.setValue({ ...DEFAULT_GENERAL_SETTINGS, targetMinutes: 15 });
    await sendMessage('stats:events', { events: [customer('a', T0), reply('a', T0 + 10 * MIN)] });
    expect((await statsDb().responses.toArray())[0]!.withinTarget).toBe(true);
  });

  it.each([
    ['not an object', null, /expected \{ events/],
    ['events not a list', { events: 'x' }, /expected \{ events/],
    ['unknown kind', { events: [{ ...customer('a', T0), kind: 'message-deleted' }] }, /event 0: unknown kind "message-deleted"/],
    ['bad time', { events: [{ ...customer('a', T0), at: 'yesterday' }] }, /event 0: "at" must be a finite number/],
    ['far future', { events: [{ ...customer('a', T0), at: Date.now() + 7 * 86_400_000 }] }, /"at" is in the future/],
    ['huge id', { events: [{ ...customer('a', T0), id: 'x'.repeat(5000) }] }, /"id" is longer than/],
    ['bad via', { events: [{ ...reply('a', T0), via: 'api' }] }, /"via" must be one of/],
    ['too many', { events: Array.from({ length: 501 }, (_, i) => customer('a', T0 + i)) }, /501 events in one batch/],
  ])('rejects %s with a clear error and writes nothing', async (_name, data, message) => {
    await expect(sendMessage('stats:events', data as never)).rejects.toThrow(message);
    expect(await statsDb().responses.count()).toBe(0);
  });
});

describe('stats:today', () => {
  it('counts today\'s responses for one agent or the page', async () => {
    // Noon today (only Date is faked): the replies 5 to 20 minutes ago are today whenever the suite runs
    // (run just after midnight, they fell yesterday).
    const noon = new Date();
    noon.setHours(12, 0, 0, 0);
    vi.useFakeTimers({ now: noon, toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
    const now = Date.now();
    await sendMessage('stats:events', {
      events: [customer('a', now - 20 * MIN), reply('a', now - 19 * MIN, 'Marie'), customer('b', now - 20 * MIN), reply('b', now - 5 * MIN, 'Paul Girard')],
    });
    const today = await sendMessage('stats:today', { agent: null, pageId: 'page1' });
    expect(today).toEqual({ responses: 2, withinTarget: 1, withinTargetPct: 50 });
    expect((await sendMessage('stats:today', { agent: 'Paul', pageId: null })).responses).toBe(1);
    await sendMessage('stats:events', { events: [customer('c', now - 20 * MIN), reply('c', now - 4 * MIN, 'Paulette Roy')] });
    // A first name matches the full "Sent by" label, not another name that merely starts the same.
    expect((await sendMessage('stats:today', { agent: 'paul', pageId: 'page1' })).responses).toBe(1);
    expect((await sendMessage('stats:today', { agent: 'Paulette', pageId: 'page1' })).responses).toBe(1);
    expect(await sendMessage('stats:today', { agent: 'Nobody', pageId: null })).toEqual({ responses: 0, withinTarget: 0, withinTargetPct: null });
  });
});

describe('team bundles', () => {
  const ours = async () => {
    await sendMessage('stats:events', { events: [customer('a', T0), reply('a', T0 + MIN, 'Marie', 'this-browser')] });
    return statsDb().responses.toArray();
  };

  it('merges, dedupes by id and by near-identical customer time, marks imported', async () => {
    const mine = await ours();
    const theirs = [
      { ...mine[0]!, agent: 'Other' }, // same id
      // the same response seen by another browser (observed), 2 s later (so 2 s shorter)
      { ...mine[0]!, id: 'page1|a|other', source: 'observed' as const, customerAt: mine[0]!.customerAt + 2000, responseSeconds: mine[0]!.responseSeconds - 2, businessResponseSeconds: mine[0]!.businessResponseSeconds - 2 },
      { ...mine[0]!, id: 'page1|z|1', conversation: 'z', agent: 'Paul', source: 'this-browser' as const },
    ];
    const result = await sendMessage('stats:import', { bundle: JSON.stringify(makeBundle(theirs)) });
    expect(result).toEqual({ added: 1, duplicates: 2, replaced: 0 });
    expect(await columnCount()).toBe(2);
    const all = await statsDb().responses.orderBy('id').toArray();
    expect(all.map((r) => [r.conversation, r.agent, r.source])).toEqual([
      ['a', 'Marie', 'this-browser'],
      ['z', 'Paul', 'imported'],
    ]);
    expect(await sendMessage('stats:import', { bundle: makeBundle(theirs) })).toEqual({ added: 0, duplicates: 3, replaced: 0 });
  });

  it('a colleague\'s next response in the same conversation, 30 s later, is a response of its own, not a duplicate', async () => {
    const mine = await ours();
    const next = { ...mine[0]!, id: 'page1|a|next', customerAt: mine[0]!.customerAt + 30_000, repliedAt: mine[0]!.repliedAt + 30_000, agent: 'Paul' };
    expect(await sendMessage('stats:import', { bundle: JSON.stringify(makeBundle([next])) })).toEqual({ added: 1, duplicates: 0, replaced: 0 });
  });

  it('the answering browser\'s own record replaces the copy this browser observed late, and is not taken for this browser\'s next response', async () => {
    // Paul (another browser) replied at T0+5 s; this browser saw it at T0+8 s (observed copy), then Marie answered the next message.
    await sendMessage('stats:events', { events: [customer('a', T0), reply('a', T0 + 8_000, 'Paul Girard', 'observed'), customer('a', T0 + 9_000), reply('a', T0 + 12_000, 'Marie', 'this-browser')] });
    const held = await statsDb().responses.orderBy('repliedAt').toArray();
    expect(held.map((r) => [r.agent, r.source])).toEqual([
      ['Paul Girard', 'observed'],
      ['Marie', 'this-browser'],
    ]);
    const paul = { ...held[0]!, id: 'page1|a|paul', customerAt: T0 + 400, repliedAt: T0 + 5_000, responseSeconds: 4.6, businessResponseSeconds: 4.6, agent: 'Paul', source: 'this-browser' as const };
    expect(await sendMessage('stats:import', { bundle: JSON.stringify(makeBundle([paul])) })).toEqual({ added: 0, duplicates: 1, replaced: 1 });
    const after = await statsDb().responses.orderBy('repliedAt').toArray();
    expect(after.map((r) => [r.id, r.agent, r.repliedAt - T0, r.source])).toEqual([
      ['page1|a|paul', 'Paul', 5_000, 'imported'],
      [held[1]!.id, 'Marie', 12_000, 'this-browser'],
    ]);
    expect(await columnCount()).toBe(2);
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['another file', JSON.stringify({ hello: 1 }), /not an Inbox Pilot stats bundle/],
    ['a future version', JSON.stringify({ format: 'inbox-pilot-stats', version: 9, responses: [] }), /Unsupported bundle version 9/],
    ['one bad record among good ones', 'BAD_LAST', /response 2: "repliedAt" is before "customerAt"/],
  ])('refuses %s and changes nothing', async (_name, bundle, message) => {
    const mine = await ours();
    const input =
      bundle === 'BAD_LAST'
        ? makeBundle([{ ...mine[0]!, id: 'good', conversation: 'g' }, { ...mine[0]!, id: 'bad', repliedAt: mine[0]!.customerAt - 1 }])
        : bundle;
    await expect(sendMessage('stats:import', { bundle: input })).rejects.toThrow(message);
    expect((await statsDb().responses.toArray()).map((r) => r.id)).toEqual(mine.map((r) => r.id));
  });
});

describe('retention and erasing', () => {
  it('purges responses older than the retention and schedules a daily alarm', async () => {
    const now = Date.now();
    const old = now - 3 * 7 * 86_400_000;
    await sendMessage('stats:events', { events: [customer('old', old), reply('old', old + MIN), customer('new', now - 10 * MIN), reply('new', now - 9 * MIN)] });
    await statsSettings.setValue({ retentionWeeks: 2, csvSeparator: 'auto' });
    expect(await sendMessage('stats:purge', undefined)).toEqual({ deleted: 1 });
    expect((await statsDb().responses.toArray()).map((r) => r.conversation)).toEqual(['new']);
    expect(await columnCount()).toBe(1);
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(PURGE_ALARM))?.periodInMinutes).toBe(1440));
  });

  it('a corrupt stored retention purges by the default (52 weeks), never everything', async () => {
    const now = Date.now();
    const old = now - 60 * 7 * 86_400_000;
    await sendMessage('stats:events', { events: [customer('old', old), reply('old', old + MIN), customer('new', now - 10 * 86_400_000), reply('new', now - 10 * 86_400_000 + MIN)] });
    for (const retentionWeeks of [-5, 0, 'abc', 1e9]) {
      await statsSettings.setValue({ retentionWeeks, csvSeparator: 'auto' } as never);
      await sendMessage('stats:purge', undefined);
      expect((await statsDb().responses.toArray()).map((r) => r.conversation)).toEqual(['new']);
    }
  });

  it('the alarm runs the purge', async () => {
    const old = Date.now() - 60 * 7 * 86_400_000;
    await sendMessage('stats:events', { events: [customer('old', old), reply('old', old + MIN)] });
    await fakeBrowser.alarms.onAlarm.trigger({ name: PURGE_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect(await statsDb().responses.count()).toBe(0));
  });

  it('forgets unanswered customer messages after the 7-day reply window', async () => {
    const now = Date.now();
    await sendMessage('stats:events', { events: [customer('stale', now - 10 * 86_400_000), customer('fresh', now - 86_400_000)] });
    // The pairing state of "stale" was written now; pretend it has been idle for 9 days.
    await statsDb().pending.filter((p) => p.conversation === 'stale').modify({ updatedAt: now - 9 * 86_400_000 });
    await sendMessage('stats:purge', undefined);
    expect((await statsDb().pending.toArray()).map((p) => p.conversation)).toEqual(['fresh']);
  });

  it('erases everything', async () => {
    await sendMessage('stats:events', { events: [customer('a', T0), reply('a', T0 + MIN), customer('b', T0)] });
    await sendMessage('stats:erase', undefined);
    expect(await statsDb().responses.count()).toBe(0);
    expect(await statsDb().pending.count()).toBe(0);
    expect(await statsDb().days.count()).toBe(0);
  });

  it('collects the outbox a closed tab left behind', async () => {
    await fakeBrowser.storage.local.set({ 'stats.outbox.tab-999': { savedAt: 0, events: [customer('a', T0), reply('a', T0 + MIN)] } });
    expect(await collectOrphanOutboxes()).toBe(2);
    expect(await statsDb().responses.count()).toBe(1);
    expect(await fakeBrowser.storage.local.get('stats.outbox.tab-999')).toEqual({});
  });

  const orphan = () => fakeBrowser.storage.local.set({ 'stats.outbox.tab-998': { savedAt: 1, events: [customer('o', T0), reply('o', T0 + MIN)] } });

  it('collects a closed tab\'s outbox when the worker starts', async () => {
    fakeBrowser.reset();
    await orphan();
    registerStatsBackground(); // a worker start
    await vi.waitFor(async () => expect(await statsDb().responses.count()).toBe(1));
    expect(await fakeBrowser.storage.local.get('stats.outbox.tab-998')).toEqual({});
  });

  it('collects a closed tab\'s outbox at the next message from any inbox tab', async () => {
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeTruthy()); // the start's own pass is over
    await orphan();
    await sendMessage('stats:hello', undefined);
    await vi.waitFor(async () => expect(await statsDb().responses.count()).toBe(1));
  });

  it('collects a closed tab\'s outbox within a minute by an alarm', async () => {
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(OUTBOX_ALARM))?.periodInMinutes).toBe(1));
    await orphan();
    await fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect(await statsDb().responses.count()).toBe(1));
  });

  it('leaves an outbox rewritten while it was being collected for the next pass', async () => {
    await orphan();
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let reads = 0;
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys?: unknown) => {
      const out = await get(keys as string);
      // The second read of the key (just before removing it) finds a newer write.
      if (keys === 'stats.outbox.tab-998' && ++reads === 1) {
        await fakeBrowser.storage.local.set({ 'stats.outbox.tab-998': { savedAt: 2, events: [customer('o', T0), reply('o', T0 + MIN), customer('p', T0)] } });
        return get(keys);
      }
      return out;
    });
    await collectOrphanOutboxes();
    spy.mockRestore();
    expect(Object.keys(await fakeBrowser.storage.local.get('stats.outbox.tab-998'))).toHaveLength(1);
    await collectOrphanOutboxes();
    expect(await fakeBrowser.storage.local.get('stats.outbox.tab-998')).toEqual({});
    expect((await statsDb().pending.toArray()).map((p) => p.conversation).sort()).toEqual(['o', 'p']);
  });
});

describe('the debug trace switch (issue 16)', () => {
  const traceLog = async () => ((await fakeBrowser.storage.local.get(TRACE_LOG))[TRACE_LOG] ?? []) as Array<Record<string, unknown>>;
  it('follows the switch while the worker runs, without a storage read per batch', async () => {
    await fakeBrowser.storage.local.set({ [TRACE_SWITCH]: false });
    await sendMessage('stats:events', { events: [customer('t', T0)] });
    await fakeBrowser.storage.local.set({ [TRACE_SWITCH]: true });
    await sendMessage('stats:events', { events: [reply('t', T0 + MIN)] });
    expect((await traceLog()).map((e) => e.what)).toEqual(['batch', 'response']);
    await fakeBrowser.storage.local.set({ [TRACE_SWITCH]: false });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await sendMessage('stats:events', { events: [customer('t', T0 + 2 * MIN)] });
    expect(get.mock.calls.some(([keys]) => keys === TRACE_SWITCH)).toBe(false);
    expect(await traceLog()).toHaveLength(2); // off again: nothing more collected
    get.mockRestore();
  });
});

describe('long agent labels', () => {
  it('records a response whose "Sent by" label is longer than 100 characters, the label cut with an ellipsis', async () => {
    const long = `${'Ma'.repeat(50)}rie 👩‍💻`; // 101+ characters
    const events = [customer('long', T0), reply('long', T0 + MIN, long)];
    expect((await sendMessage('stats:events', { events })).acked).toHaveLength(2);
    const [r] = await statsDb().responses.toArray();
    expect(r!.agent.length).toBeLessThanOrEqual(100);
    expect(r!.agent.endsWith('…')).toBe(true);
    expect(long.startsWith(r!.agent.slice(0, -1))).toBe(true);
  });

  it('keeps a label of exactly 100 characters as it is', async () => {
    const exact = 'x'.repeat(100);
    await sendMessage('stats:events', { events: [customer('hundred', T0), reply('hundred', T0 + MIN, exact)] });
    expect((await statsDb().responses.toArray())[0]!.agent).toBe(exact);
  });
});

describe('stored settings that fail validation', () => {
  it('an invalid time zone in business hours is reported and skipped: recording goes on, every event acknowledged', async () => {
    resetSettingsProblemsForTests();
    await timingSettings.setValue({ ...DEFAULT_TIMING_SETTINGS, timeBasis: 'business', businessHours: { ...defaultSchedule('Europe/Paris'), timeZone: 'Mars/Olympus_Mons' } });
    const events = [customer('tz', T0), reply('tz', T0 + 2 * MIN)];
    const { acked } = await sendMessage('stats:events', { events });
    expect(acked).toEqual(events.map((e) => e.id));
    expect((await statsDb().responses.toArray()).map((r) => [r.responseSeconds, r.businessResponseSeconds])).toEqual([[120, 120]]);
    expect(await statsSettingsProblems.getValue()).toEqual(['timing.businessHours']);
  });

  it('clears the report once the settings are valid again', async () => {
    resetSettingsProblemsForTests();
    await statsSettingsProblems.setValue(['timing.businessHours']);
    await sendMessage('stats:events', { events: [customer('ok', T0), reply('ok', T0 + MIN)] });
    expect(await statsSettingsProblems.getValue()).toEqual([]);
  });
});

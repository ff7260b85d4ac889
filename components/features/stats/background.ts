import { browser } from 'wxt/browser';
import { MessageError, onMessages } from '../../../utils/messaging';
import type { InboxEvent } from '../../../utils/inbox/types';
import { featureSwitches, isFeatureOn } from '../../../utils/settings/features';
import { statsMeta } from './feature';
import { dayRange } from '../../../utils/stats/week';
import { statsDb } from '../../../utils/stats/db';
import { loadPairingConfig } from '../../../utils/stats/config';
import { reportSettingsProblems } from '../../../utils/stats/health';
import { validateBundle } from '../../../utils/stats/bundle';
import { StatsInputError } from '../../../utils/stats/validate';
import { validateEventsRequest, validateEvent } from '../../../utils/stats/validate';
import { dayColumnsBetween, eraseAll, importResponses, ingestEvents, purgeOlderThan, responsesBetween } from '../../../utils/stats/store';
import { columnsToWire } from '../../../utils/stats/columns';
import { readStatsSettings } from '../../../utils/stats/settings';
import { OUTBOX_PREFIX, outboxTabId, type Outbox } from '../../../utils/stats/outbox';

export const PURGE_ALARM = 'stats:purge';
/** Collects the outboxes of closed tabs within a minute, whatever else happens (issue 16: nothing waits a day). */
export const OUTBOX_ALARM = 'stats:outboxes';
const WEEK_MS = 7 * 86_400_000;

async function purge(now = Date.now()): Promise<{ deleted: number }> {
  const { retentionWeeks } = await readStatsSettings();
  return purgeOlderThan(statsDb(), now - retentionWeeks * WEEK_MS);
}

/** The config for a write, reporting invalid stored settings it had to skip. */
async function configForWrite() {
  const config = await loadPairingConfig();
  await reportSettingsProblems(config.problems);
  return config;
}

/** Whether stats recording is on (options, issue 12); unreadable storage counts as the default. */
export async function statsRecordingOn(): Promise<boolean> {
  const switches = await featureSwitches.getValue().catch(() => ({}));
  return isFeatureOn(switches, statsMeta);
}

/** Debug switch of issue 16's trace (set by the accuracy bench); the log is bounded. Off: nothing is collected. */
export const TRACE_SWITCH = 'debug.trace';
export const TRACE_LOG = 'debug.traceLog';
const TRACE_MAX = 50_000;
let traceWrites: Promise<void> = Promise.resolve();
/**
 * The switch, read once per worker life and then kept by `storage.onChanged` (registered with the
 * handlers): a batch does not pay a storage read for a debug flag that is almost always off.
 */
let traceSwitch: Promise<boolean> | null = null;
function traceOn(): Promise<boolean> {
  traceSwitch ??= browser.storage.local.get(TRACE_SWITCH).then(
    (held) => held[TRACE_SWITCH] === true,
    () => false,
  );
  return traceSwitch;
}
function followTraceSwitch(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && TRACE_SWITCH in changes) traceSwitch = Promise.resolve(changes[TRACE_SWITCH]?.newValue === true);
  });
}

/** Ingests a batch; with the debug switch on, appends what the pairing did with each event to the trace log. */
async function ingestTraced(events: InboxEvent[], via: 'message' | 'outbox') {
  if (!(await traceOn())) return ingestEvents(statsDb(), events, await configForWrite());
  const entries: Array<Record<string, unknown>> = [{ t: Date.now(), what: 'batch', via, ids: events.map((e) => e.id) }];
  const result = await ingestEvents(statsDb(), events, await configForWrite(), Date.now(), (entry) => entries.push({ t: Date.now(), ...entry }));
  traceWrites = traceWrites.then(async () => {
    const held = (await browser.storage.local.get(TRACE_LOG))[TRACE_LOG];
    const log = [...(Array.isArray(held) ? held : []), ...entries];
    await browser.storage.local.set({ [TRACE_LOG]: log.slice(-TRACE_MAX) });
  }).catch(() => undefined);
  await traceWrites;
  return result;
}

let collecting: Promise<number> | null = null;
const INSTANCE_OUTBOX_IDLE_MS = 30_000;

/**
 * Collects orphan outboxes, once at a time: the triggers (worker start, any inbox tab's message,
 * the minute alarm) often coincide, and one pass serves them all.
 */
export function collectOrphanOutboxesOnce(): Promise<number> {
  collecting ??= collectOrphanOutboxes()
    .catch((e) => {
      console.warn('[Inbox Pilot] stats: could not collect closed tabs\' outboxes', e);
      return 0;
    })
    .finally(() => {
      collecting = null;
    });
  return collecting;
}

/** Ingests what closed tabs left in their outboxes (a tab closed while the worker was stopped). */
export async function collectOrphanOutboxes(): Promise<number> {
  const all = await browser.storage.local.get(null);
  let collected = 0;
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(OUTBOX_PREFIX)) continue;
    const tabId = outboxTabId(key);
    if (tabId !== null && (await browser.tabs.get(tabId).then((tab) => Boolean(tab), () => false))) continue; // its tab still runs
    const outbox = value as Partial<Outbox> | undefined;
    // A page's key before the worker told it its tab: a live page moves it within a second of the worker answering,
    // so one this old while the worker runs is a closed page's (collecting a live one would only resend, harmlessly).
    if (tabId === null && (outbox?.savedAt ?? 0) > Date.now() - INSTANCE_OUTBOX_IDLE_MS) continue;
    const events = (Array.isArray(outbox?.events) ? outbox.events : []).flatMap((e) => {
      try {
        return [validateEvent(e)];
      } catch {
        return []; // a corrupt leftover is dropped, not retried forever
      }
    });
    if (events.length && (await statsRecordingOn())) await ingestTraced(events, 'outbox');
    // A closing tab's last write can land while we ingest: remove only what we read, the next pass takes the rest.
    const now = (await browser.storage.local.get(key))[key] as Partial<Outbox> | undefined;
    if (now?.savedAt === outbox?.savedAt) await browser.storage.local.remove(key);
    collected += events.length;
  }
  return collected;
}

async function housekeeping(): Promise<void> {
  await purge();
  await collectOrphanOutboxes();
}

/** The stats part of the background worker: registered synchronously on every worker start. */
export function registerStatsBackground(): void {
  followTraceSwitch();
  onMessages({
    'stats:hello': (_data, sender) => {
      void collectOrphanOutboxesOnce(); // a tab starting is a good moment to collect the ones that closed
      return { tabId: sender.tab?.id ?? null };
    },
    'stats:events': async (data) => {
      let events: InboxEvent[];
      try {
        events = validateEventsRequest(data);
      } catch (error) {
        if (error instanceof StatsInputError) throw new MessageError('invalid-request', error.message, error.index);
        throw error;
      }
      // Stats recording switched off: nothing is recorded; the batch is acknowledged so no outbox keeps it.
      if (!(await statsRecordingOn())) return { acked: events.map((e) => e.id) };
      const { acked } = await ingestTraced(events, 'message');
      void collectOrphanOutboxesOnce();
      return { acked };
    },
    'stats:week': async (data) => {
      const start = Number(data?.start);
      const end = Number(data?.end);
      if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) throw new MessageError('invalid-request', 'stats:week: expected { start, end } in ms');
      return { columns: columnsToWire(await dayColumnsBetween(statsDb(), start, end)) };
    },
    'stats:count': async () => ({ count: await statsDb().responses.count() }),
    'stats:export': async () => ({ responses: await statsDb().responses.toArray() }),
    'stats:today': async (data) => {
      const agent = typeof data?.agent === 'string' ? data.agent : null;
      const pageId = typeof data?.pageId === 'string' ? data.pageId : null;
      const { start, end } = dayRange(Date.now());
      const config = await loadPairingConfig();
      // The settings hold a first name ("Marie") while Meta labels replies with the full name ("Marie Dupont").
      const who = agent?.trim().toLowerCase() ?? null;
      const isAgent = (label: string) => who === null || label.toLowerCase() === who || label.toLowerCase().startsWith(`${who} `);
      const rows = (await responsesBetween(statsDb(), start, end)).filter((r) => (pageId === null || r.pageId === pageId) && isAgent(r.agent));
      const withinTarget = rows.filter((r) => (config.useBusinessTime ? r.businessResponseSeconds : r.responseSeconds) <= config.targetSeconds).length;
      return { responses: rows.length, withinTarget, withinTargetPct: rows.length ? (100 * withinTarget) / rows.length : null };
    },
    'stats:import': async (data) => {
      // Everything is validated before the one transaction: a bad bundle changes nothing.
      const records = validateBundle((data as { bundle?: unknown } | undefined)?.bundle);
      return importResponses(statsDb(), records);
    },
    'stats:erase': async () => {
      await eraseAll(statsDb());
      return { erased: true as const };
    },
    'stats:purge': () => purge(),
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PURGE_ALARM) void housekeeping().catch((e) => console.warn('[Inbox Pilot] stats housekeeping failed', e));
    if (alarm.name === OUTBOX_ALARM) void collectOrphanOutboxesOnce();
  });
  void (async () => {
    if (!(await browser.alarms.get(PURGE_ALARM))) await browser.alarms.create(PURGE_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
    if (!(await browser.alarms.get(OUTBOX_ALARM))) await browser.alarms.create(OUTBOX_ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
  })().catch((e) => console.warn('[Inbox Pilot] could not schedule the stats alarms', e));
  // A worker starts because something happened (a tab, an alarm, the popup): outboxes left meanwhile go first.
  void collectOrphanOutboxesOnce();
}


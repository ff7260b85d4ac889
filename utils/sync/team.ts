import { DAY_MS, originAt, type DayColumns } from '../stats/columns';

/**
 * The manager's team view (pure): every agent of the team for the week, which browsers have
 * synced and when, and who is stale (no sync for more than a day, so the figures may be
 * incomplete). Built from the pulled records and the browsers' hourly beats.
 */
export interface TeamBrowser {
  browser: string;
  lastSyncAt: number;
}

export interface TeamAgentRow {
  user: string;
  /** The Sent-by labels this user's browsers recorded this week (most frequent first). */
  agents: string[];
  responses: number;
  withinTarget: number;
  browsers: TeamBrowser[];
  lastSyncAt: number | null;
  stale: boolean;
}

export const STALE_AFTER_MS = DAY_MS;

/** The beats the team view of a week starting at `weekStart` reads (a browser's last sync may predate the week). */
export function teamBeatsSince(weekStart: number): number {
  return weekStart - 8 * DAY_MS;
}

export interface TeamRecord {
  syncUser: string;
  browser: string;
  agent: string;
  repliedAt: number;
  withinTarget: boolean;
}

export interface TeamInput {
  /** Team users (from the beats and records held; the server's user list is not readable by members). */
  records: Iterable<TeamRecord>;
  beats: Iterable<{ user: string; browser: string; at: number }>;
  week: { start: number; end: number };
  now: number;
}

export function teamWeek({ records, beats, week, now }: TeamInput): TeamAgentRow[] {
  const rows = new Map<string, { agents: Map<string, number>; responses: number; withinTarget: number; browsers: Map<string, number> }>();
  const row = (user: string) => {
    let r = rows.get(user);
    if (!r) rows.set(user, (r = { agents: new Map(), responses: 0, withinTarget: 0, browsers: new Map() }));
    return r;
  };
  for (const b of beats) {
    const r = row(b.user);
    r.browsers.set(b.browser, Math.max(r.browsers.get(b.browser) ?? 0, b.at));
  }
  for (const rec of records) {
    if (rec.repliedAt < week.start || rec.repliedAt >= week.end) continue;
    const r = row(rec.syncUser);
    r.responses++;
    if (rec.withinTarget) r.withinTarget++;
    if (rec.agent) r.agents.set(rec.agent, (r.agents.get(rec.agent) ?? 0) + 1);
    if (!r.browsers.has(rec.browser)) r.browsers.set(rec.browser, 0);
  }
  return [...rows.entries()]
    .map(([user, r]) => {
      const browsers = [...r.browsers.entries()].map(([browser, lastSyncAt]) => ({ browser, lastSyncAt })).sort((a, b) => b.lastSyncAt - a.lastSyncAt);
      const last = browsers.reduce((m, b) => Math.max(m, b.lastSyncAt), 0);
      return {
        user,
        agents: [...r.agents.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([a]) => a),
        responses: r.responses,
        withinTarget: r.withinTarget,
        browsers: browsers.filter((b) => b.lastSyncAt > 0),
        lastSyncAt: last || null,
        stale: !last || now - last > STALE_AFTER_MS,
      };
    })
    .sort((a, b) => a.user.localeCompare(b.user));
}

/** One revision of a team document as held after a pull (the winner and its conflicts). */
export interface TeamRevision<T> {
  rev: string;
  updatedAt: number;
  updatedBy: string;
  value: T;
}

/**
 * CouchDB keeps both sides of a conflict and picks a winner by revision tree, not by time. The
 * team rule is "last manager write wins": the revision with the latest updatedAt wins (ties:
 * the higher rev string, as CouchDB would); the others are returned as losers, shown in the options.
 */
export function resolveTeamConflict<T>(revisions: TeamRevision<T>[]): { winner: TeamRevision<T> | null; losers: TeamRevision<T>[] } {
  if (!revisions.length) return { winner: null, losers: [] };
  const sorted = [...revisions].sort((a, b) => b.updatedAt - a.updatedAt || revCompare(b.rev, a.rev));
  return { winner: sorted[0]!, losers: sorted.slice(1) };
}

function revCompare(a: string, b: string): number {
  const [na, ha = ''] = a.split('-');
  const [nb, hb = ''] = b.split('-');
  return Number(na) - Number(nb) || (ha < hb ? -1 : ha > hb ? 1 : 0);
}

/** The team view's input from a week's day columns: each response's user and browser (own ones: `self`). */
export function teamRecordsOf(columns: readonly DayColumns[], week: { start: number; end: number }, self: { syncUser: string; browser: string }): TeamRecord[] {
  const out: TeamRecord[] = [];
  for (const c of columns) {
    // Each distinct origin of the day split once, not per response.
    const origins = c.origins.map((_, k) => {
      const first = c.origin.indexOf(k);
      const o = first >= 0 ? originAt(c, first) : {};
      return { syncUser: o.syncUser ?? self.syncUser, browser: o.browser ?? self.browser };
    });
    for (let i = 0; i < c.repliedAt.length; i++) {
      const repliedAt = c.repliedAt[i]!;
      if (repliedAt < week.start || repliedAt >= week.end) continue;
      const o = origins[c.origin[i]!]!;
      out.push({ syncUser: o.syncUser, browser: o.browser, agent: c.agents[c.agent[i]!]!, repliedAt, withinTarget: (c.flags[i]! & 1) === 1 });
    }
  }
  return out;
}

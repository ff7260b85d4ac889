/**
 * The team retention job's selection (pure). A manager's browser deletes, on the server, the team
 * records older than the team's retention (team:settings' retentionWeeks): responses by their
 * reply time, beats by their time. Team documents and design documents are never selected. The
 * server's rules let only a manager delete (utils/sync/rules.js); agents' browsers never run it.
 */
export const WEEK_MS = 7 * 86_400_000;
/** The job runs at most once a day (it walks the manager's replica of the team database). */
export const RETENTION_EVERY_MS = 86_400_000;

export function retentionCutoff(retentionWeeks: number, now: number): number {
  return now - retentionWeeks * WEEK_MS;
}

export function retentionDue(lastRunAt: number | null | undefined, now: number): boolean {
  return typeof lastRunAt !== 'number' || !Number.isFinite(lastRunAt) || now - lastRunAt >= RETENTION_EVERY_MS || lastRunAt > now;
}

/** The deletions (tombstones with the held revision) for the rows older than the cut-off. */
export function expiredTeamRecords(rows: ReadonlyArray<{ id: string; value?: { rev: string; deleted?: boolean }; doc?: Record<string, unknown> | null }>, cutoff: number): Array<{ _id: string; _rev: string; _deleted: true }> {
  const out: Array<{ _id: string; _rev: string; _deleted: true }> = [];
  for (const row of rows) {
    const rev = row.value?.rev;
    const doc = row.doc;
    if (!rev || row.value?.deleted || !doc) continue;
    const time = row.id.startsWith('resp:') ? doc.repliedAt : row.id.startsWith('beat:') ? doc.at : undefined;
    if (typeof time === 'number' && Number.isFinite(time) && time < cutoff) out.push({ _id: row.id, _rev: rev, _deleted: true });
  }
  return out;
}

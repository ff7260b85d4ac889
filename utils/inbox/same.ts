import type { InboxSnapshot, TimeRange } from './types';

/**
 * Whether two snapshots say the same thing, so the signal only changes when
 * something a feature shows did (not on every batch: relative tokens like
 * `5m` shift their parsed interval a little with each read).
 */
const TIME_SLACK = 60_000;
const sameRange = (a: TimeRange | null, b: TimeRange | null) =>
  a === b || (!!a && !!b && Math.abs(a.start - b.start) < TIME_SLACK && Math.abs(a.end - b.end) < TIME_SLACK);

type Via = InboxSnapshot['health']['via'];
function sameVia(a: Via, b: Via): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof NonNullable<Via>>;
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}

export function sameSnapshot(a: InboxSnapshot, b: InboxSnapshot): boolean {
  if (a.url !== b.url || a.locale !== b.locale || a.page.assetId !== b.page.assetId || a.page.name !== b.page.name) return false;
  const ha = a.health;
  const hb = b.health;
  if (ha.recognized !== hb.recognized || ha.missing.join() !== hb.missing.join()) return false;
  if (ha.found.list !== hb.found.list || ha.found.thread !== hb.found.thread || ha.found.composer !== hb.found.composer) return false;
  // What the layout report and the health line say (which alternative matched, why a part is not recognized).
  if (!sameVia(ha.via, hb.via) || (ha.problems ?? []).join('\n') !== (hb.problems ?? []).join('\n')) return false;
  const ca = a.composer;
  const cb = b.composer;
  if (ca.found !== cb.found || ca.enabled !== cb.enabled || ca.text !== cb.text || ca.kind !== cb.kind) return false;
  if (a.conversations.length !== b.conversations.length) return false;
  for (let i = 0; i < a.conversations.length; i++) {
    const x = a.conversations[i]!;
    const y = b.conversations[i]!;
    if (x.key !== y.key || x.preview !== y.preview || x.lastFrom !== y.lastFrom || x.unread !== y.unread || x.selected !== y.selected) return false;
    if (x.customerName !== y.customerName || !sameRange(x.lastAt, y.lastAt)) return false;
    // The id learned later (channel tabs), the row's own key and its channel (the sidebar's channel tag).
    if (x.id !== y.id || x.rowKey !== y.rowKey || (x.channel ?? null) !== (y.channel ?? null)) return false;
  }
  const oa = a.open;
  const ob = b.open;
  if (!oa || !ob) return oa === ob;
  if (oa.key !== ob.key || oa.id !== ob.id || oa.customerName !== ob.customerName || oa.messages.length !== ob.messages.length) return false;
  if ((oa.channel ?? null) !== (ob.channel ?? null) || oa.rowKey !== ob.rowKey || !!oa.earlierOmitted !== !!ob.earlierOmitted) return false;
  for (let i = 0; i < oa.messages.length; i++) {
    const x = oa.messages[i]!;
    const y = ob.messages[i]!;
    if (x.key !== y.key || x.agent !== y.agent || x.side !== y.side || !sameRange(x.at, y.at)) return false;
    // The text too: saved-reply suggestions match the customer's last message (a bubble filled in late).
    if (x.text !== y.text || !!x.attachment !== !!y.attachment || !!x.automated !== !!y.automated) return false;
  }
  return true;
}

import type { InboxHealth, InboxSnapshot, TimeRange } from './types';

/**
 * Whether two snapshots say the same thing, so the signal only changes when
 * something a feature shows did (not on every batch: relative tokens like
 * `5m` shift their parsed interval a little with each read).
 */
const TIME_SLACK = 60_000;
const sameRange = (a: TimeRange | null, b: TimeRange | null) =>
  a === b || (!!a && !!b && Math.abs(a.start - b.start) < TIME_SLACK && Math.abs(a.end - b.end) < TIME_SLACK);

/** Whether two readings of the page's health say the same (what was found, what is missing, recognized). */
export function sameHealth(ha: InboxHealth, hb: InboxHealth): boolean {
  if (ha === hb) return true;
  if (ha.recognized !== hb.recognized || ha.missing.join() !== hb.missing.join()) return false;
  return ha.found.list === hb.found.list && ha.found.thread === hb.found.thread && ha.found.composer === hb.found.composer;
}

export function sameSnapshot(a: InboxSnapshot, b: InboxSnapshot): boolean {
  if (a.url !== b.url || a.locale !== b.locale || a.page.assetId !== b.page.assetId || a.page.name !== b.page.name) return false;
  if (!sameHealth(a.health, b.health)) return false;
  const ca = a.composer;
  const cb = b.composer;
  if (ca.found !== cb.found || ca.enabled !== cb.enabled || ca.text !== cb.text || ca.kind !== cb.kind) return false;
  if (a.conversations.length !== b.conversations.length) return false;
  for (let i = 0; i < a.conversations.length; i++) {
    const x = a.conversations[i]!;
    const y = b.conversations[i]!;
    if (x.key !== y.key || x.preview !== y.preview || x.lastFrom !== y.lastFrom || x.unread !== y.unread || x.selected !== y.selected) return false;
    if (x.customerName !== y.customerName || !sameRange(x.lastAt, y.lastAt)) return false;
    // What events carry (their id, their join key, the channel's rules): learned on a later read, still news.
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
    // An "automated" label read after the message (a human reply or not), an attachment recognised late.
    if (!!x.automated !== !!y.automated || !!x.attachment !== !!y.attachment) return false;
  }
  return true;
}

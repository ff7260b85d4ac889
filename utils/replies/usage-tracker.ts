/**
 * Follows an inserted reply until it is sent from this browser, to learn
 * whether the agent edited it first. Holds the inserted text in memory only
 * (never stored); what leaves this module is a boolean.
 */

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Pending {
  keys: string[];
  usageId: string;
  inserted: string;
  /** Latest non-empty composer text seen for the conversation. */
  lastSeen: string;
  at: number;
}

/** An insertion not sent within this time is forgotten (edited stays unknown). */
const PENDING_TTL_MS = 60 * 60 * 1000;

export function createUsageTracker() {
  const pending = new Map<string, Pending>();
  return {
    /**
     * A reply was inserted into a conversation known by one or more keys
     * (selected_item_id, row key); `composerBefore` is the composer text just before.
     */
    inserted(conversation: string | string[], usageId: string, text: string, composerBefore: string, now = Date.now()) {
      const keys = [...new Set(Array.isArray(conversation) ? conversation : [conversation])];
      const entry: Pending = { keys, usageId, inserted: normalise(text), lastSeen: normalise(`${composerBefore} ${text}`), at: now };
      for (const key of keys) pending.set(key, entry);
    },
    /** The composer of the open conversation shows `text` (called on every change). */
    composerChanged(conversation: string, text: string) {
      const p = pending.get(conversation);
      if (p && text.trim()) p.lastSeen = normalise(text);
    },
    /**
     * A reply was sent from this browser in `conversation`: returns the usage
     * and whether the sent text differs from what was inserted (added text,
     * removed or changed words all count as edited), or null if nothing pending.
     */
    sent(conversation: string, now = Date.now()): { usageId: string; edited: boolean } | null {
      const p = pending.get(conversation);
      for (const key of p?.keys ?? []) pending.delete(key);
      for (const [key, other] of pending) if (now - other.at > PENDING_TTL_MS) pending.delete(key);
      if (!p || now - p.at > PENDING_TTL_MS) return null;
      return { usageId: p.usageId, edited: p.lastSeen !== p.inserted };
    },
  };
}

/**
 * Mutations of a 2026 layout page for the golden snapshots: how Meta's page could change under the
 * adapter. Kept here (not the e2e variants of tests/fixtures/variants/, which follow the sim) so
 * a golden snapshot changes only when the adapter does.
 */
type Mutation = (doc: Document) => void;

const rename = (doc: Document, attr: string, map: Record<string, string>) => {
  for (const el of doc.querySelectorAll(`[${attr}]`)) {
    const v = el.getAttribute(attr)!;
    for (const [from, to] of Object.entries(map)) if (v.includes(from)) el.setAttribute(attr, v.replace(from, to));
  }
};

export const MUTATIONS: Record<string, Mutation> = {
  /** The list is gone; the detail pane lost its pagelets, its region role and label. */
  'missing-containers': (doc) => {
    doc.querySelector('[data-pagelet="GenericBizInboxThreadListViewBody"]')?.remove();
    for (const el of doc.querySelectorAll('[data-pagelet^="BizInboxDetail"]')) el.removeAttribute('data-pagelet');
    for (const el of doc.querySelectorAll('[role="region"]')) {
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  },
  /** Every pagelet, surface and developer label renamed (a new rollout). */
  'renamed-labels': (doc) => {
    rename(doc, 'data-pagelet', { GenericBizInboxThreadListViewBody: 'BizInboxThreadListV2Root', BizInboxDetailViewHeaderSectionWrapper: 'BizInboxConversationHeaderV2', BizInboxDetailSectionWrapper: 'BizInboxConversationV2' });
    rename(doc, 'data-surface', { thread_row: 'conversation_row', thread_title: 'name' });
    rename(doc, 'aria-label', { 'Message list container': 'Conversation timeline' });
  },
  /** A language the label tables do not have. */
  'unknown-language': (doc) => {
    doc.documentElement.setAttribute('lang', 'de');
    for (const el of doc.querySelectorAll('div, span, a')) {
      for (const n of el.childNodes) {
        if (n.nodeType !== 3) continue;
        n.textContent = (n.textContent ?? '').replace('Sent by ', 'Gesendet von ').replace('You sent', 'Du hast gesendet').replace(/^You: /, 'Du: ');
      }
    }
  },
  /** Two message rows with the same data-message-id. */
  'duplicated-ids': (doc) => {
    const rows = [...doc.querySelectorAll('[data-message-id]')];
    rows[1]?.setAttribute('data-message-id', rows[0]!.getAttribute('data-message-id')!);
  },
  /** A stale copy of the list and of the header left before the live ones (a page in transition), names changed in it. */
  'stale-copy': (doc) => {
    const main = doc.querySelector('[role="main"]')!;
    for (const pagelet of ['GenericBizInboxThreadListViewBody', 'BizInboxDetailViewHeaderSectionWrapper']) {
      const copy = doc.querySelector(`[data-pagelet="${pagelet}"]`)!.cloneNode(true) as Element;
      for (const t of copy.querySelectorAll('[data-surface*="thread_title"] div, div[style*="line-clamp"]')) t.textContent = 'Stale Name';
      main.prepend(copy);
    }
  },
  /** Customer names gone from the rows (title text and avatar alt). */
  'rows-without-names': (doc) => {
    for (const t of doc.querySelectorAll('[data-surface*="thread_title"]')) t.replaceChildren();
    for (const img of doc.querySelectorAll('[role="presentation"] img')) img.setAttribute('alt', '');
  },
  /** Only the Done / follow-up action grids are left of each row: nothing may read as a conversation. */
  'action-grid-only': (doc) => {
    for (const row of doc.querySelectorAll('[role="presentation"]')) {
      const grid = row.querySelector('[role="grid"]');
      if (grid) row.replaceWith(grid);
    }
  },
};

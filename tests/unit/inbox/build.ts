/**
 * Builds a small inbox in the global happy-dom document with the structure of
 * the simulated inbox (tests/fixtures/inbox/README.md), through DOM calls, so
 * tests can mutate it the way Meta's React does (replace rows, append bubbles).
 */
export type ThreadItem =
  | { side: 'customer'; text: string; avatar?: boolean }
  | { side: 'page'; text: string }
  | { label: string }
  | { separator: string }
  | { system: string };

export interface RowSpec {
  name: string;
  preview: string;
  token: string;
  unread?: boolean;
  selected?: boolean;
  /** The row's data-utime (unix seconds, decimals allowed), on an abbr around the token, as some builds have it. */
  utime?: number;
}

export function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

export function row(spec: RowSpec): HTMLElement {
  const weight = spec.unread ? 'font-weight: 700' : 'font-weight: 400';
  return h(
    'div',
    { role: 'listitem' },
    h(
      'a',
      { href: '#', role: 'row', 'aria-selected': String(!!spec.selected) },
      h('img', { alt: spec.name, src: `data:image/svg+xml,${encodeURIComponent(spec.name)}` }),
      h('span', { 'data-surface': '/bizweb:inbox/lib:thread_list/thread_row/thread_title', style: weight }, h('span', { dir: 'auto' }, spec.name)),
      spec.utime === undefined ? h('span', {}, spec.token) : h('abbr', { 'data-utime': String(spec.utime) }, spec.token),
      h('span', { dir: 'auto', style: weight }, spec.preview),
    ),
    h('div', {}, h('div', { role: 'button', 'aria-label': 'Move to Done' })),
  );
}

export function threadNodes(name: string, items: ThreadItem[]): HTMLElement[] {
  return items.map((item) => {
    if ('separator' in item) return h('div', { role: 'separator' }, item.separator);
    if ('system' in item) return h('div', {}, h('span', {}, item.system));
    if ('label' in item) return h('div', {}, h('span', {}, item.label));
    if (item.side === 'customer') {
      return h('div', {}, item.avatar === false ? h('div', {}) : h('img', { alt: name, src: 'data:,' }), h('div', {}, h('div', { dir: 'auto' }, item.text)));
    }
    return h('div', {}, h('div', {}, h('div', { dir: 'auto' }, item.text)));
  });
}

export interface Built {
  list: HTMLElement;
  messages: HTMLElement;
  header: HTMLElement;
  composer: HTMLElement;
  setRows(rows: RowSpec[]): void;
  setThread(name: string, items: ThreadItem[]): void;
}

/** A Lexical-like composer: keeps a model, handles beforeinput insertText, reverts nothing (tests only). */
function composerEl(): HTMLElement {
  const el = h('div', { contenteditable: 'true', role: 'textbox', 'data-lexical-editor': 'true', 'aria-label': 'Reply in Messenger…' }, h('p', {}, h('br')));
  let text = '';
  const render = () => el.replaceChildren(...text.split('\n').map((line) => h('p', {}, line ? h('span', { 'data-lexical-text': 'true' }, line) : h('br'))));
  el.addEventListener('beforeinput', (e) => {
    const ev = e as InputEvent;
    if (ev.inputType !== 'insertText') return;
    e.preventDefault();
    const sel = document.getSelection();
    const all = sel && sel.rangeCount > 0 && sel.toString() === text && text !== '';
    text = all ? (ev.data ?? '') : text + (ev.data ?? '');
    render();
  });
  el.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter' && !(e as KeyboardEvent).shiftKey) {
      e.preventDefault();
      text = '';
      render();
    }
  });
  Object.defineProperty(el, 'model', { get: () => text, set: (v: string) => ((text = v), render()) });
  return el;
}

export function buildInbox(): Built {
  document.title = 'Inbox | Meta Business Suite';
  document.documentElement.setAttribute('lang', 'en');
  const list = h('div', { 'aria-label': 'Inbox', role: 'list' });
  const messages = h('div', { 'data-pagelet': 'BizInboxMessengerMessageListContainer', 'aria-label': 'Message list container', role: 'region' });
  const header = h('div', { 'data-pagelet': 'BizInboxDetailViewHeaderSectionWrapper' });
  const composer = composerEl();
  const main = h(
    'div',
    { role: 'main' },
    h('div', { 'data-pagelet': 'GenericBizInboxThreadListViewBody' }, list),
    header,
    h('div', { 'data-pagelet': 'BizInboxDetailSectionWrapper' }, messages, h('div', {}, composer)),
  );
  document.body.replaceChildren(h('div', { role: 'banner' }, h('img', { alt: 'Atelier Lumen', src: 'data:,' })), main);
  return {
    list,
    messages,
    header,
    composer,
    setRows: (rows) => list.replaceChildren(...rows.map(row)),
    setThread: (name, items) => {
      header.replaceChildren(h('h2', {}, h('span', { dir: 'auto' }, name)));
      messages.replaceChildren(...threadNodes(name, items));
    },
  };
}

import { useSignal } from '@preact/signals';
import { messagesFor } from '../../utils/i18n';
import type { InboxHealth, InboxPart } from '../../utils/inbox/types';
import { layoutNoticeMessages } from './strings';

/**
 * What the sidebar says when the adapter does not recognize the inbox, or misses a part of it: which
 * parts, that the inbox itself still works, and a privacy-safe layout report to send. In the lazy
 * 'sidebar-parts' chunk (issue 14): the content script every inbox page parses does not carry it.
 */

const t = messagesFor(layoutNoticeMessages);

/** Copies the layout report on click and says whether it worked. */
function CopyReport({ onCopy }: { onCopy: () => Promise<boolean> }) {
  const state = useSignal<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => void onCopy().then((ok) => (state.value = ok ? 'copied' : 'failed'), () => (state.value = 'failed'));
  return (
    <p>
      <button type="button" class="ip-button" data-testid="copy-layout-report" onClick={copy}>
        {t.value.copyReport}
      </button>{' '}
      {state.value === 'copied' && <span role="status">{t.value.reportCopied}</span>}
      {state.value === 'failed' && <span role="alert">{t.value.reportFailed}</span>}
    </p>
  );
}

export function LayoutNotice({ health, onCopyReport }: { health: InboxHealth; onCopyReport?: () => Promise<boolean> }) {
  if (health.recognized && health.missing.length === 0) return null;
  const parts = (health.recognized ? health.missing : (['list', 'thread', 'composer'] as InboxPart[]).filter((p) => !health.found[p]))
    .map((p) => t.value[`part_${p}`])
    .join(', ');
  return (
    <div class="ip-notice ip-notice--warn" role="status" data-testid="layout-notice">
      <strong>{health.recognized ? t.value.layoutMissing(parts) : t.value.layoutNotRecognized}</strong>
      {!health.recognized && parts && <p>{t.value.layoutMissing(parts)}</p>}
      <p>{t.value.layoutHint}</p>
      {onCopyReport && <CopyReport onCopy={onCopyReport} />}
    </div>
  );
}


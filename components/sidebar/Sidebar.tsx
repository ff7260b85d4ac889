import type { ComponentType } from 'preact';
import { useComputed, type ReadonlySignal } from '@preact/signals';
import { messagesFor } from '../../utils/i18n';
import type { InboxHealth } from '../../utils/inbox/types';
import { sidebarMessages } from './strings';
import type { FeatureSlot } from './feature-host';
import { FeatureBoundary } from './feature-boundary';
import { lazyPart } from './lazy-part';

// The footer, the first-run tour and the layout notice are a lazy chunk ('sidebar-parts'): not needed to
// show who is waiting (the notice only shows on a layout the adapter does not recognize).
const SidebarFooter = lazyPart('SidebarFooter');
const Tour = lazyPart('Tour');
const LayoutNotice = lazyPart('LayoutNotice');

export interface SidebarProps {
  collapsed: ReadonlySignal<boolean>;
  onToggle: () => void;
  health: ReadonlySignal<InboxHealth>;
  /** The features that are on; those without a panel (stats) have no section. */
  features: ReadonlySignal<FeatureSlot[]>;
  /** False until every feature that is on has started (or failed). */
  started: ReadonlySignal<boolean>;
  /** Dark theme (Business Suite's own, else the browser's preference). */
  dark?: ReadonlySignal<boolean>;
  /** Whether the first-run tour should show, and how to end it for good. */
  showTour?: ReadonlySignal<boolean>;
  onTourDone?: () => void;
  /** Copies the privacy-safe layout report (utils/inbox/layout-report.ts); resolves to whether it worked. */
  onCopyReport?: () => Promise<boolean>;
}

const t = messagesFor(sidebarMessages);

/** The collapsed sidebar's class (sidebar.css): the frame reports to the page what is drawn (mount.tsx). */
export const COLLAPSED_CLASS = 'ip-sidebar--collapsed';

/** A failed feature's section: says so and offers to start it again. */
function FeatureStopped({ onRetry }: { onRetry: () => void }) {
  return (
    <div class="ip-notice ip-notice--error" role="status" data-testid="feature-stopped">
      <p>{t.value.featureStopped}</p>
      <button type="button" class="ip-button" data-testid="feature-retry" onClick={onRetry}>
        {t.value.featureRetry}
      </button>
    </div>
  );
}

function FeatureSection({ slot }: { slot: FeatureSlot }) {
  const { Panel } = slot;
  return (
    <section class="ip-section" data-feature={slot.id} data-state={slot.state} aria-label={slot.title()}>
      <h2>{slot.title()}</h2>
      {slot.state === 'failed' ? (
        <FeatureStopped onRetry={slot.retry} />
      ) : Panel ? (
        <FeatureBoundary key={slot.Panel ? 'panel' : 'none'} onError={slot.fail}>
          <Panel />
        </FeatureBoundary>
      ) : null}
    </section>
  );
}

export function Sidebar({ collapsed, onToggle, health, features, started, dark, showTour, onTourDone, onCopyReport }: SidebarProps) {
  const isCollapsed = collapsed.value;
  const title = useComputed(() => (collapsed.value ? t.value.expand : t.value.collapse));
  return (
    <aside
      class={`ip-sidebar${isCollapsed ? ` ${COLLAPSED_CLASS}` : ''}${dark?.value ? ' ip-sidebar--dark' : ''}`}
      data-theme={dark?.value ? 'dark' : 'light'}
      aria-label={t.value.appName}
      data-testid="inbox-pilot-sidebar"
    >
      <button
        type="button"
        class="ip-toggle"
        aria-expanded={!isCollapsed}
        aria-label={title.value}
        title={title.value}
        onClick={onToggle}
        data-testid="sidebar-toggle"
      >
        <span aria-hidden="true">{isCollapsed ? '‹' : '›'}</span>
        {isCollapsed && <span class="ip-toggle-label">{t.value.appName}</span>}
      </button>
      {!isCollapsed && (
        <div class="ip-body">
          <header class="ip-header">
            <h1>{t.value.appName}</h1>
          </header>
          {(!health.value.recognized || health.value.missing.length > 0) && <LayoutNotice health={health.value} onCopyReport={onCopyReport} />}
          {/* The tour's slot is there from the first paint; the tour fills it once the features have started (sidebar.css). */}
          {showTour?.value && onTourDone && <div class="ip-tour-slot" data-testid="tour-slot">{started.value && <Tour onDone={onTourDone} />}</div>}
          {features.value
            .filter((f) => f.Panel !== null || f.state === 'failed')
            .map((f) => (
              <FeatureSection key={f.id} slot={f} />
            ))}
          {/* Below the panels that have started: its leaving moves none of them (a row must stay under the pointer). */}
          {!started.value && <p class="ip-muted" data-testid="sidebar-loading">{t.value.loading}</p>}
          <SidebarFooter />
        </div>
      )}
    </aside>
  );
}

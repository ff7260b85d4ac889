import { useState } from 'preact/hooks';
import { messagesFor } from '../../utils/i18n';
import { sidebarPartsMessages } from './parts-strings';

const t = messagesFor(sidebarPartsMessages);
export const TOUR_STEPS = 3;

/**
 * A three-step first-run tour at the top of the sidebar, in a slot kept for it
 * from the sidebar's first paint (Sidebar.tsx, sidebar.css: its arrival moves
 * no row). It never takes the focus (an agent may be typing in Meta's reply
 * box) and never covers the inbox; "Skip" or "Done" ends it for good
 * (`onDone` stores that).
 */
export function Tour({ onDone }: { onDone: () => void }) {
  const [step, setStep] = useState(0);
  const steps = [
    { title: t.value.tour1Title, body: t.value.tour1Body },
    { title: t.value.tour2Title, body: t.value.tour2Body },
    { title: t.value.tour3Title, body: t.value.tour3Body },
  ];
  const current = steps[step]!;
  const last = step === TOUR_STEPS - 1;
  return (
    <section class="ip-tour" aria-labelledby="ip-tour-title" data-testid="tour" data-step={step + 1}>
      <p class="ip-tour-count">{t.value.tourStep(step + 1, TOUR_STEPS)}</p>
      <h2 id="ip-tour-title" class="ip-tour-title">
        {current.title}
      </h2>
      <p class="ip-tour-body">{current.body}</p>
      <div class="ip-tour-actions">
        <button type="button" class="ip-link" onClick={onDone} data-testid="tour-skip">
          {t.value.tourSkip}
        </button>
        <span class="ip-tour-nav">
          {step > 0 && (
            <button type="button" class="ip-btn" onClick={() => setStep(step - 1)} data-testid="tour-back">
              {t.value.tourBack}
            </button>
          )}
          <button type="button" class="ip-btn ip-btn--primary" onClick={() => (last ? onDone() : setStep(step + 1))} data-testid="tour-next">
            {last ? t.value.tourDone : t.value.tourNext}
          </button>
        </span>
      </div>
    </section>
  );
}

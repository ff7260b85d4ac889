import { useEffect, useState } from 'preact/hooks';
import { messagesFor } from '../../../utils/i18n';
import { featureSwitches, isFeatureOn, type FeatureSwitches } from '../../../utils/settings/features';
import type { FeatureMeta } from '../../features/types';
import { optionsMessages } from '../strings';

const t = messagesFor(optionsMessages);

/**
 * Per-feature on/off (issue 12). Saved on change: the inbox tabs start or stop the feature at once
 * (a feature that is off registers nothing and its sidebar section disappears).
 */
export function FeaturesSection({ features }: { features: FeatureMeta[] }) {
  const [switches, setSwitches] = useState<FeatureSwitches | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    featureSwitches.getValue().then(setSwitches, () => setSwitches({}));
    return featureSwitches.watch((v) => setSwitches(v ?? {}));
  }, []);
  if (!switches) return <section class="section"><p class="muted">{t.value.loading}</p></section>;

  const toggle = async (id: string, on: boolean) => {
    const next = { ...switches, [id]: on };
    setSwitches(next);
    try {
      await featureSwitches.setValue(next);
      setStatus({ kind: 'ok', text: t.value.saved });
    } catch {
      setSwitches(switches);
      setStatus({ kind: 'error', text: t.value.featuresSaveFailed });
    }
  };

  return (
    <section class="section" aria-labelledby="features-title" data-testid="features-section">
      <h2 id="features-title">{t.value.featuresTitle}</h2>
      <p class="muted">{t.value.featuresIntro}</p>
      {features
        .filter((f) => f.switchable)
        .map((f) => (
          <div class="field" key={f.id}>
            <label>
              <input type="checkbox" data-feature-switch={f.id} checked={isFeatureOn(switches, f)} onChange={(e) => void toggle(f.id, e.currentTarget.checked)} />{' '}
              {f.switchLabel()}
            </label>
          </div>
        ))}
      {status && (
        <p class={status.kind === 'error' ? 'error' : 'muted'} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="features-status">
          {status.text}
        </p>
      )}
    </section>
  );
}

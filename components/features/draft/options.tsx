import { useEffect, useRef, useState } from 'preact/hooks';
import { messagesFor } from '../../../utils/i18n';
import { DRAFT_LIMITS } from '../../../utils/draft/config';
import { RULE_IDS, type RuleId } from '../../../utils/draft/types';
import {
  DEFAULT_DRAFT_SETTINGS,
  draftSettings,
  validateDraftSettings,
  type DraftSettings,
  type DraftSettingsIssue,
} from '../../../utils/draft/settings';
import { draftUiMessages, ruleLabelKey } from './strings';

const t = messagesFor(draftUiMessages);

type NumberField = 'maxLength' | 'hardMaxLength' | 'keyPointMaxChars' | 'savedReplySimilarity' | 'minSteps';
const NUMBER_FIELDS: NumberField[] = ['maxLength', 'hardMaxLength', 'keyPointMaxChars', 'savedReplySimilarity', 'minSteps'];

/** Which rule each threshold belongs to: shown under that rule's switch. */
const THRESHOLDS_OF: Partial<Record<RuleId, NumberField[]>> = {
  'too-long': ['maxLength', 'hardMaxLength'],
  'key-point-late': ['keyPointMaxChars'],
  'steps-as-prose': ['minSteps'],
  'unadapted-saved-reply': ['savedReplySimilarity'],
};

interface Form {
  enabled: Record<RuleId, boolean>;
  numbers: Record<NumberField, string>;
  acronyms: string;
}

const toForm = (s: DraftSettings): Form => ({
  enabled: { ...s.enabled },
  numbers: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(s[f])])) as Form['numbers'],
  acronyms: s.acronyms.join('\n'),
});

function issueText(issue: DraftSettingsIssue): string {
  if (issue.code === 'order') return t.value.err_order;
  if (issue.code === 'tooLong') return t.value.err_tooLong;
  if (issue.field !== 'enabled' && issue.field !== 'acronyms') {
    const { min, max } = DRAFT_LIMITS[issue.field];
    return t.value.err_range(min, max);
  }
  return t.value.fixErrors;
}

/** Options: each draft check on/off, with its thresholds. */
export function DraftSection() {
  const [form, setForm] = useState<Form | null>(null);
  const [issues, setIssues] = useState<DraftSettingsIssue[]>([]);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // The latest form, even between an event and the re-render it schedules.
  const latest = useRef<Form | null>(null);
  latest.current = form;

  useEffect(() => {
    draftSettings.getValue().then(
      (s) => setForm(toForm(validateDraftSettings(s).value)),
      () => setForm(toForm(DEFAULT_DRAFT_SETTINGS)),
    );
  }, []);

  if (!form) return <section class="section"><p class="muted">{t.value.loading}</p></section>;

  const update = (change: (current: Form) => Form) => {
    latest.current = change(latest.current ?? form);
    setForm(latest.current);
    setStatus(null);
  };
  const errorFor = (field: string) => issues.find((i) => i.field === field);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = latest.current;
    if (!form) return;
    const { value, issues: found } = validateDraftSettings({
      enabled: form.enabled,
      ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, form.numbers[f].trim() === '' ? NaN : Number(form.numbers[f])])),
      acronyms: form.acronyms.split(/[\n,;]+/),
    });
    setIssues(found);
    if (found.length) return setStatus({ kind: 'error', text: t.value.fixErrors });
    try {
      await draftSettings.setValue(value);
      setForm(toForm(value));
      setStatus({ kind: 'ok', text: t.value.saved });
    } catch {
      setStatus({ kind: 'error', text: t.value.saveFailed });
    }
  };

  const numberField = (field: NumberField) => {
    const issue = errorFor(field);
    const id = `draft-${field}`;
    const { min, max } = DRAFT_LIMITS[field];
    return (
      <div class="field" key={field}>
        <label for={id}>{t.value[field]}</label>
        <input
          id={id}
          type="number"
          min={min}
          max={max}
          value={form.numbers[field]}
          aria-invalid={issue ? true : undefined}
          aria-describedby={issue ? `${id}-error` : undefined}
          onInput={(e) => {
            const v = e.currentTarget.value;
            update((f) => ({ ...f, numbers: { ...f.numbers, [field]: v } }));
          }}
        />
        {issue && <span class="error" role="alert" id={`${id}-error`}>{issueText(issue)}</span>}
      </div>
    );
  };

  const acronymsIssue = errorFor('acronyms');
  return (
    <section class="section" aria-labelledby="draft-title">
      <h2 id="draft-title">{t.value.optionsTitle}</h2>
      <p class="muted">{t.value.optionsIntro}</p>
      <form onSubmit={onSubmit} noValidate data-testid="draft-form">
        <fieldset class="field">
          <legend>{t.value.optionsRules}</legend>
          {RULE_IDS.map((id) => {
            const label = t.value[ruleLabelKey(id)];
            return (
              <div key={id}>
                <label>
                  <input
                    type="checkbox"
                    checked={form.enabled[id]}
                    data-rule={id}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      update((f) => ({ ...f, enabled: { ...f.enabled, [id]: checked } }));
                    }}
                  />{' '}
                  {typeof label === 'string' ? label : id}
                </label>
                {form.enabled[id] && THRESHOLDS_OF[id] && (
                  // Thresholds sit under their rule's switch.
                  <div style={{ marginLeft: '24px', maxWidth: '360px' }}>{THRESHOLDS_OF[id].map(numberField)}</div>
                )}
              </div>
            );
          })}
        </fieldset>
        <div class="field">
          <label for="draft-acronyms">{t.value.acronyms}</label>
          <textarea
            id="draft-acronyms"
            rows={3}
            value={form.acronyms}
            aria-invalid={acronymsIssue ? true : undefined}
            aria-describedby={acronymsIssue ? 'draft-acronyms-error' : 'draft-acronyms-hint'}
            onInput={(e) => {
              const v = e.currentTarget.value;
              update((f) => ({ ...f, acronyms: v }));
            }}
          />
          <span class="hint" id="draft-acronyms-hint">{t.value.acronymsHint}</span>
          {acronymsIssue && <span class="error" role="alert" id="draft-acronyms-error">{issueText(acronymsIssue)}</span>}
        </div>
        <button type="submit" class="primary">{t.value.save}</button>
        {status && <p class={`status ${status.kind}`} role="status" data-testid="draft-status">{status.text}</p>}
      </form>
    </section>
  );
}

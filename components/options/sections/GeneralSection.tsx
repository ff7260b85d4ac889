import { useEffect, useState } from 'preact/hooks';
import { messagesFor } from '../../../utils/i18n';
import {
  DEFAULT_GENERAL_SETTINGS,
  generalSettings,
  validateGeneralSettings,
  type GeneralSettings,
  type SettingsIssue,
} from '../../../utils/settings/general';
import { optionsMessages } from '../strings';

const t = messagesFor(optionsMessages);

type Form = { agentName: string; companyNames: string; targetMinutes: string; goalPercent: string; language: GeneralSettings['language'] };

const toForm = (s: GeneralSettings): Form => ({
  agentName: s.agentName,
  companyNames: s.companyNames.join('\n'),
  targetMinutes: String(s.targetMinutes),
  goalPercent: String(s.goalPercent),
  language: s.language,
});

function issueText(issue: SettingsIssue): string {
  const key = `err_${issue.code}_${issue.field}` as keyof typeof t.value;
  const specific = t.value[key];
  return typeof specific === 'string' ? specific : t.value.err_invalid;
}

export function GeneralSection() {
  const [form, setForm] = useState<Form | null>(null);
  const [issues, setIssues] = useState<SettingsIssue[]>([]);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    generalSettings.getValue().then(
      (s) => setForm(toForm(s)),
      () => setForm(toForm(DEFAULT_GENERAL_SETTINGS)),
    );
  }, []);

  if (!form) return <section class="section"><p class="muted">{t.value.loading}</p></section>;

  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setStatus(null);
  };
  const errorFor = (field: keyof GeneralSettings) => issues.find((i) => i.field === field);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const { value, issues: found } = validateGeneralSettings({
      agentName: form.agentName,
      companyNames: form.companyNames.split('\n'),
      targetMinutes: form.targetMinutes.trim() === '' ? NaN : Number(form.targetMinutes),
      goalPercent: form.goalPercent.trim() === '' ? NaN : Number(form.goalPercent),
      language: form.language,
    });
    setIssues(found);
    if (found.length) return setStatus({ kind: 'error', text: t.value.fixErrors });
    try {
      await generalSettings.setValue(value);
      setForm(toForm(value));
      setStatus({ kind: 'ok', text: t.value.saved });
    } catch (error) {
      setStatus({ kind: 'error', text: t.value.saveFailed(error instanceof Error ? error.message : String(error)) });
    }
  };

  const field = (name: keyof GeneralSettings, label: string, input: preact.ComponentChild, hint?: string) => {
    const issue = errorFor(name);
    return (
      <div class="field">
        <label for={`general-${name}`}>{label}</label>
        {input}
        {hint && <span class="hint" id={`general-${name}-hint`}>{hint}</span>}
        {issue && <span class="error" role="alert" id={`general-${name}-error`}>{issueText(issue)}</span>}
      </div>
    );
  };
  const aria = (name: keyof GeneralSettings) => ({
    id: `general-${name}`,
    'aria-invalid': errorFor(name) ? true : undefined,
    'aria-describedby': errorFor(name) ? `general-${name}-error` : `general-${name}-hint`,
  });

  return (
    <section class="section" aria-labelledby="general-title">
      <h2 id="general-title">{t.value.general}</h2>
      <form onSubmit={onSubmit} noValidate data-testid="general-form">
        {field('agentName', t.value.agentName,
          <input type="text" {...aria('agentName')} value={form.agentName} autocomplete="given-name"
            onInput={(e) => set({ agentName: e.currentTarget.value })} />, t.value.agentNameHint)}
        {field('companyNames', t.value.companyNames,
          <textarea rows={3} {...aria('companyNames')} value={form.companyNames}
            onInput={(e) => set({ companyNames: e.currentTarget.value })} />, t.value.companyNamesHint)}
        {field('targetMinutes', t.value.targetMinutes,
          <input type="number" min={1} max={1440} step="any" {...aria('targetMinutes')} value={form.targetMinutes}
            onInput={(e) => set({ targetMinutes: e.currentTarget.value })} />, t.value.targetMinutesHint)}
        {field('goalPercent', t.value.goalPercent,
          <input type="number" min={1} max={100} {...aria('goalPercent')} value={form.goalPercent}
            onInput={(e) => set({ goalPercent: e.currentTarget.value })} />)}
        {field('language', t.value.language,
          <select {...aria('language')} value={form.language}
            onChange={(e) => set({ language: e.currentTarget.value as GeneralSettings['language'] })}>
            <option value="auto">{t.value.languageAuto}</option>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>)}
        <button type="submit" class="primary">{t.value.save}</button>
        {status && <p class={`status ${status.kind}`} role="status" data-testid="general-status">{status.text}</p>}
      </form>
    </section>
  );
}

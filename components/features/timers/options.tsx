import { useEffect, useMemo, useState } from 'preact/hooks';
import { messagesFor } from '../../../utils/i18n';
import { defaultSchedule, WEEKDAYS, type ScheduleIssue, type Weekday } from '../../../utils/timers/business-hours';
import { browserTimeZone } from '../../../utils/time/zone';
import { timerOptionsMessages } from './options-strings';
import {
  DEFAULT_TIMING_SETTINGS,
  timingSettings,
  validateTimingSettings,
  type TimeBasis,
  type TimingIssue,
  type TimingSettings,
} from '../../../utils/timers/settings';

const t = messagesFor(timerOptionsMessages);

type Interval = [string, string];
interface Form {
  lead: string;
  hoursMode: 'always' | 'schedule';
  timeZone: string;
  weekly: Record<Weekday, Interval[]>;
  holidays: string;
  timeBasis: TimeBasis;
  enabled: boolean;
  quiet: boolean;
}

function toForm(s: TimingSettings): Form {
  const schedule = s.businessHours ?? defaultSchedule(browserTimeZone());
  return {
    lead: String(s.warningLeadMinutes),
    hoursMode: s.businessHours ? 'schedule' : 'always',
    timeZone: schedule.timeZone,
    weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, schedule.weekly[d].map(([a, b]) => [a, b] as Interval)])) as Form['weekly'],
    holidays: schedule.holidays.join('\n'),
    timeBasis: s.timeBasis,
    enabled: s.notifications.enabled,
    quiet: s.notifications.quietOutsideHours,
  };
}

/** Holiday lines as entered, with their line numbers (for error messages). */
function holidayLines(text: string): Array<{ value: string; line: number }> {
  return text
    .split('\n')
    .map((value, i) => ({ value: value.trim(), line: i + 1 }))
    .filter((l) => l.value !== '');
}

function timeZones(current: string): string[] {
  const list = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set([current, 'UTC', ...list])].filter(Boolean).sort();
}

function scheduleIssueText(issue: ScheduleIssue, lines: Array<{ line: number }>): string {
  const day = issue.day ? t.value[`day_${issue.day}`] : '';
  const n = (issue.index ?? 0) + 1;
  switch (issue.code) {
    case 'invalidZone': return t.value.err_invalidZone;
    case 'invalidTime': return t.value.err_invalidTime(day, n);
    case 'emptyInterval': return t.value.err_emptyInterval(day, n);
    case 'overlap': return t.value.err_overlap(day, n);
    case 'tooMany': return issue.field === 'holidays' ? t.value.err_tooManyHolidays : t.value.err_tooMany(day);
    case 'noOpenHours': return t.value.err_noOpenHours;
    case 'invalidDate': return t.value.err_invalidDate(lines[issue.index ?? 0]?.line ?? n);
    default: return t.value.err_invalid;
  }
}

export function TimersSection() {
  const [form, setForm] = useState<Form | null>(null);
  const [issues, setIssues] = useState<TimingIssue[]>([]);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const zones = useMemo(() => timeZones(form?.timeZone ?? browserTimeZone()), [form?.timeZone]);

  useEffect(() => {
    timingSettings.getValue().then(
      (s) => setForm(toForm(s)),
      () => setForm(toForm(DEFAULT_TIMING_SETTINGS)),
    );
  }, []);

  if (!form) return <section class="section"><p class="muted">{t.value.loading}</p></section>;

  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setStatus(null);
  };
  const setDay = (day: Weekday, intervals: Interval[]) => set({ weekly: { ...form.weekly, [day]: intervals } });
  const lines = holidayLines(form.holidays);
  const scheduleIssues = issues.flatMap((i) => (i.field === 'businessHours' ? [i.detail] : []));
  const errorsOf = (pred: (i: ScheduleIssue) => boolean) => scheduleIssues.filter(pred).map((i) => scheduleIssueText(i, lines));
  const leadError = issues.some((i) => i.field === 'warningLeadMinutes');
  const zoneErrors = errorsOf((i) => i.field === 'timeZone');
  const holidayErrors = errorsOf((i) => i.field === 'holidays');
  const weekErrors = errorsOf((i) => i.field === 'weekly' && !i.day);
  const otherError = issues.some((i) => i.field === 'timeBasis' || i.field === 'notifications');

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const { value, issues: found } = validateTimingSettings({
      warningLeadMinutes: form.lead.trim() === '' ? NaN : Number(form.lead.replace(',', '.')),
      businessHours: form.hoursMode === 'always' ? null : { timeZone: form.timeZone, weekly: form.weekly, holidays: lines.map((l) => l.value) },
      timeBasis: form.timeBasis,
      notifications: { enabled: form.enabled, quietOutsideHours: form.quiet },
    });
    setIssues(found);
    if (found.length) return setStatus({ kind: 'error', text: t.value.fixErrors });
    try {
      await timingSettings.setValue(value);
      setForm(toForm(value));
      setStatus({ kind: 'ok', text: t.value.saved });
    } catch (error) {
      setStatus({ kind: 'error', text: t.value.saveFailed(error instanceof Error ? error.message : String(error)) });
    }
  };

  const errorList = (id: string, texts: string[]) =>
    texts.length > 0 && (
      <span class="error" role="alert" id={id}>
        {texts.map((text, i) => <span key={i} style={{ display: 'block' }}>{text}</span>)}
      </span>
    );

  return (
    <section class="section" aria-labelledby="timers-title" data-testid="timers-section">
      <h2 id="timers-title">{t.value.title}</h2>
      <p class="muted">{t.value.intro}</p>
      <form onSubmit={onSubmit} noValidate data-testid="timers-form">
        <div class="field">
          <label for="timers-lead">{t.value.lead}</label>
          <input id="timers-lead" type="number" min={0} max={240} step="any" value={form.lead}
            aria-invalid={leadError || undefined} aria-describedby={leadError ? 'timers-lead-error' : 'timers-lead-hint'}
            onInput={(e) => set({ lead: e.currentTarget.value })} />
          <span class="hint" id="timers-lead-hint">{t.value.leadHint}</span>
          {leadError && <span class="error" role="alert" id="timers-lead-error">{t.value.err_lead}</span>}
        </div>
        <div class="field">
          <label><input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} data-testid="timers-notif-enabled" /> {t.value.notifEnabled}</label>
          <label><input type="checkbox" checked={form.quiet} disabled={!form.enabled} onChange={(e) => set({ quiet: e.currentTarget.checked })} /> {t.value.notifQuiet}</label>
        </div>

        <fieldset class="field" aria-describedby="timers-hours-error">
          <legend><strong>{t.value.hoursTitle}</strong></legend>
          <label><input type="radio" name="timers-hours" checked={form.hoursMode === 'always'} onChange={() => set({ hoursMode: 'always' })} data-testid="timers-hours-always" /> {t.value.hoursAlways}</label>
          <label><input type="radio" name="timers-hours" checked={form.hoursMode === 'schedule'} onChange={() => set({ hoursMode: 'schedule' })} data-testid="timers-hours-schedule" /> {t.value.hoursSchedule}</label>
          {form.hoursMode === 'schedule' && (
            <div data-testid="timers-schedule">
              <div class="field">
                <label for="timers-zone">{t.value.timeZone}</label>
                <select id="timers-zone" value={form.timeZone} aria-invalid={zoneErrors.length > 0 || undefined}
                  aria-describedby={zoneErrors.length ? 'timers-zone-error' : 'timers-zone-hint'}
                  onChange={(e) => set({ timeZone: e.currentTarget.value })}>
                  {zones.map((z) => <option key={z} value={z}>{z}</option>)}
                </select>
                <span class="hint" id="timers-zone-hint">{t.value.timeZoneHint}</span>
                {errorList('timers-zone-error', zoneErrors)}
              </div>
              <table>
                <tbody>
                  {WEEKDAYS.map((day) => {
                    const dayName = t.value[`day_${day}`];
                    const dayErrors = errorsOf((i) => i.field === 'weekly' && i.day === day);
                    const badIndexes = new Set(scheduleIssues.filter((i) => i.day === day).map((i) => i.index));
                    return (
                      <tr key={day} data-day={day}>
                        <th scope="row">{dayName}</th>
                        <td>
                          {form.weekly[day].length === 0 && <span class="muted">{t.value.closed} </span>}
                          {form.weekly[day].map(([from, to], i) => (
                            <span key={i} style={{ display: 'inline-flex', gap: '4px', alignItems: 'center', margin: '2px 8px 2px 0' }}>
                              <input type="time" value={from} aria-label={`${dayName} ${i + 1}: ${t.value.from}`} aria-invalid={badIndexes.has(i) || undefined}
                                onInput={(e) => setDay(day, form.weekly[day].map((iv, j) => (j === i ? [e.currentTarget.value, iv[1]] : iv)))} />
                              <span aria-hidden="true">–</span>
                              <input type="time" value={to} aria-label={`${dayName} ${i + 1}: ${t.value.to}`} aria-invalid={badIndexes.has(i) || undefined}
                                onInput={(e) => setDay(day, form.weekly[day].map((iv, j) => (j === i ? [iv[0], e.currentTarget.value] : iv)))} />
                              <button type="button" aria-label={t.value.removeHours(dayName, i + 1)} title={t.value.remove}
                                onClick={() => setDay(day, form.weekly[day].filter((_, j) => j !== i))}>×</button>
                            </span>
                          ))}
                          <button type="button" data-testid={`timers-add-${day}`}
                            onClick={() => setDay(day, [...form.weekly[day], form.weekly[day].length ? ['14:00', '18:00'] : ['09:00', '17:00']])}>
                            {t.value.addHours}
                          </button>
                          {errorList(`timers-${day}-error`, dayErrors)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p class="hint muted">{t.value.overnightHint}</p>
              {errorList('timers-hours-error', weekErrors)}
              <div class="field">
                <label for="timers-holidays">{t.value.holidays}</label>
                <textarea id="timers-holidays" rows={3} value={form.holidays} aria-invalid={holidayErrors.length > 0 || undefined}
                  aria-describedby={holidayErrors.length ? 'timers-holidays-error' : 'timers-holidays-hint'}
                  onInput={(e) => set({ holidays: e.currentTarget.value })} />
                <span class="hint" id="timers-holidays-hint">{t.value.holidaysHint}</span>
                {errorList('timers-holidays-error', holidayErrors)}
              </div>
            </div>
          )}
        </fieldset>

        <div class="field">
          <label for="timers-basis">{t.value.basis}</label>
          <select id="timers-basis" value={form.timeBasis} aria-describedby="timers-basis-hint"
            onChange={(e) => set({ timeBasis: e.currentTarget.value as TimeBasis })}>
            <option value="auto">{t.value.basis_auto}</option>
            <option value="business">{t.value.basis_business}</option>
            <option value="wall">{t.value.basis_wall}</option>
          </select>
          <span class="hint" id="timers-basis-hint">{t.value.basisHint}</span>
          {otherError && <span class="error" role="alert">{t.value.err_invalid}</span>}
        </div>
        <button type="submit" class="primary">{t.value.save}</button>
        {status && <p class={`status ${status.kind}`} role="status" data-testid="timers-status">{status.text}</p>}
      </form>
    </section>
  );
}

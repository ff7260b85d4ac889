import { messagesFor, uiLocale } from '../../utils/i18n';
import type { DayBar } from '../../utils/stats/analysis';
import { dateFormatter } from './format';
import { popupMessages } from './strings';

const t = messagesFor(popupMessages);

const W = 520;
const H = 110;
const LABEL = 16;

/** Responses per day as stacked SVG bars: within target below, over target on top. */
export function DayChart({ days }: { days: DayBar[] }) {
  const max = Math.max(1, ...days.map((d) => d.within + d.over));
  const slot = W / days.length;
  const barW = slot * 0.6;
  const plot = H - LABEL;
  const weekday = dateFormatter(uiLocale.value, { weekday: 'short', day: 'numeric' });
  const total = days.reduce((s, d) => ({ within: s.within + d.within, over: s.over + d.over }), { within: 0, over: 0 });
  return (
    <figure class="chart">
      <figcaption>{t.value.perDay}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t.value.perDay}: ${t.value.chartLabel(total.within, total.over)}`} data-testid="day-chart">
        {days.map((d, i) => {
          const x = i * slot + (slot - barW) / 2;
          const hWithin = (d.within / max) * (plot - 4);
          const hOver = (d.over / max) * (plot - 4);
          const label = weekday.format(d.start);
          return (
            <g key={d.start}>
              <title>{`${label}: ${t.value.chartLabel(d.within, d.over)}`}</title>
              <rect class="bar-within" x={x} y={plot - hWithin} width={barW} height={hWithin} />
              <rect class="bar-over" x={x} y={plot - hWithin - hOver} width={barW} height={hOver} />
              <text x={x + barW / 2} y={H - 3} text-anchor="middle">{label}</text>
            </g>
          );
        })}
      </svg>
      <p class="legend muted">
        <span class="swatch within" aria-hidden="true" /> {t.value.legendWithin} <span class="swatch over" aria-hidden="true" /> {t.value.legendOver}
      </p>
    </figure>
  );
}

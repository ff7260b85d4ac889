import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDuration, messagesFor, uiLocale } from '../../utils/i18n';
import type { SlowResponse } from '../../utils/stats/analysis';
import { conversationUrl } from './conversation-link';
import { namesFromOpenInbox } from './customer-names';
import { dateFormatter } from './format';
import { popupMessages } from './strings';

const t = messagesFor(popupMessages);

export interface SlowestResponsesProps {
  rows: SlowResponse[];
  /** Where names come from (only ever the inbox tabs open now); replaceable in tests. */
  lookupNames?: (conversations: readonly string[]) => Promise<Map<string, string>>;
}

/**
 * The week's slowest responses, each labelled by day, time and agent (what a
 * manager recognises), opening that conversation in Business Suite in a new
 * tab. A customer's name is shown only when an open inbox tab supplies it.
 */
export function SlowestResponses({ rows, lookupNames = namesFromOpenInbox }: SlowestResponsesProps) {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const conversations = rows.map((r) => r.conversation);
  const key = conversations.join('|');
  useEffect(() => {
    let current = true;
    lookupNames(conversations).then(
      (found) => current && setNames(found),
      () => current && setNames(new Map()),
    );
    return () => {
      current = false;
    };
  }, [key]);

  const when = dateFormatter(uiLocale.value, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <table class="slowest" data-testid="stats-slowest">
      <thead>
        <tr>
          <th scope="col">{t.value.conversation}</th>
          <th scope="col" class="num">
            {t.value.time}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const agent = r.agent === '' ? t.value.unknownAgent : r.agent;
          const at = when.format(r.customerAt);
          const name = names.get(r.conversation) ?? null;
          const text = t.value.slowLabel(at, agent, name);
          const url = conversationUrl(r.pageId, r.conversation);
          const approx = r.precision === 'approximate' && <span title={t.value.approximate}> ≈</span>;
          return (
            <tr key={`${r.conversation}|${r.repliedAt}`} data-testid="slow-response">
              <td class="conv">
                {url ? (
                  <a
                    href={url}
                    target="_blank"
                    rel="noopener noreferrer"
                    title={t.value.openInNewTab}
                    data-testid="slow-response-link"
                    onClick={(e) => {
                      // A new tab beside the inbox; the popup closes by itself as focus moves.
                      e.preventDefault();
                      browser.tabs.create({ url }).catch(() => window.open(url, '_blank', 'noopener'));
                    }}
                  >
                    {text}
                    <span class="visually-hidden"> ({t.value.openInNewTab})</span>
                  </a>
                ) : (
                  <span data-testid="slow-response-nolink">
                    {text} <span class="muted">({t.value.noLink})</span>
                  </span>
                )}
                {approx}
              </td>
              <td class="num">{formatDuration(r.seconds)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

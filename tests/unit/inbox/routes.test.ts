import { describe, expect, it } from 'vitest';
import { CONTENT_MATCHES, createRouteSessions } from '../../../utils/inbox/routes';
import { isInboxUrl } from '../../../utils/inbox/url';

const HOME = 'https://business.facebook.com/latest/home?asset_id=1';
const INBOX = 'https://business.facebook.com/latest/inbox/all?asset_id=1';
const INSTAGRAM = 'https://business.facebook.com/latest/inbox/instagram_direct?asset_id=1';
const PLANNER = 'https://business.facebook.com/latest/content_calendar?asset_id=1';

function recorder() {
  const log: string[] = [];
  const sessions = createRouteSessions(() => {
    const n = log.filter((l) => l.startsWith('start')).length + 1;
    log.push(`start ${n}`);
    return () => log.push(`stop ${n}`);
  });
  return { log, sessions };
}

describe('route sessions', () => {
  it('stays idle outside the inbox and starts on arriving from Home without a reload', () => {
    const { log, sessions } = recorder();
    sessions.sync(HOME);
    sessions.sync(PLANNER);
    expect(log).toEqual([]);
    expect(sessions.active).toBe(false);
    sessions.sync(INBOX);
    expect(log).toEqual(['start 1']);
    expect(sessions.active).toBe(true);
  });

  it('keeps one session across inbox tabs, stops on leaving, starts a fresh one on coming back', () => {
    const { log, sessions } = recorder();
    sessions.sync(INBOX);
    sessions.sync(INSTAGRAM);
    sessions.sync(`${INBOX}&selected_item_id=5`);
    expect(log).toEqual(['start 1']);
    sessions.sync(HOME);
    expect(log).toEqual(['start 1', 'stop 1']);
    sessions.sync(HOME);
    sessions.sync(INBOX);
    expect(log).toEqual(['start 1', 'stop 1', 'start 2']);
    sessions.stop();
    expect(log).toEqual(['start 1', 'stop 1', 'start 2', 'stop 2']);
    expect(sessions.active).toBe(false);
  });

  it('never throws into the page when a session fails to start or stop', () => {
    const sessions = createRouteSessions(() => {
      throw new Error('boom');
    });
    expect(() => sessions.sync(INBOX)).not.toThrow();
    expect(sessions.active).toBe(false);
    const failing = createRouteSessions(() => () => {
      throw new Error('boom');
    });
    failing.sync(INBOX);
    expect(() => failing.sync(HOME)).not.toThrow();
    expect(failing.active).toBe(false);
  });

  it('matches Business Suite pages of the two inbox hosts only; the inbox is /latest/inbox*', () => {
    expect(CONTENT_MATCHES).toEqual(['https://business.facebook.com/latest/*', 'https://www.facebook.com/latest/*']);
    expect(isInboxUrl(INBOX)).toBe(true);
    expect(isInboxUrl('https://www.facebook.com/latest/inbox')).toBe(true);
    expect(isInboxUrl(HOME)).toBe(false);
    expect(isInboxUrl('https://business.facebook.com/latest/inboxes')).toBe(false);
    expect(isInboxUrl('https://business.meta.com/latest/inbox/all')).toBe(false);
  });
});

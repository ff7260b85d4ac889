import { describe, expect, it } from 'vitest';
import { classifySyncError, isRunning, nextSyncState, OFF_STATE, restoreSyncState, type SyncEvent, type SyncState } from '../../../utils/sync/state';

const run = (events: SyncEvent[], from: SyncState = OFF_STATE) => events.reduce(nextSyncState, from);
const err = { kind: 'unreachable' as const, detail: 'down', at: 5 };

describe('sync state machine', () => {
  it('stays off until connected, whatever else happens', () => {
    for (const e of [{ type: 'queued', waiting: 3 }, { type: 'push-started', waiting: 3 }, { type: 'pulled', docs: 1, at: 9 }, { type: 'failed', error: err }] as SyncEvent[]) {
      expect(nextSyncState(OFF_STATE, e)).toBe(OFF_STATE);
    }
    expect(nextSyncState(OFF_STATE, { type: 'connected' }).phase).toBe('idle');
  });
  it('goes idle -> pushing -> pulling -> idle and records the last sync', () => {
    const s = run([{ type: 'connected' }, { type: 'queued', waiting: 4 }, { type: 'push-started', waiting: 4 }]);
    expect(s).toMatchObject({ phase: 'pushing', waiting: 4 });
    const s2 = run([{ type: 'pushed', docs: 4, waiting: 0 }, { type: 'pull-started' }], s);
    expect(s2).toMatchObject({ phase: 'pulling', waiting: 0, lastPushed: 4, lastSyncAt: null });
    const s3 = nextSyncState(s2, { type: 'pulled', docs: 7, at: 1234 });
    expect(s3).toMatchObject({ phase: 'idle', lastSyncAt: 1234, lastPulled: 7, lastError: null });
    expect(isRunning(s)).toBe(true);
    expect(isRunning(s2)).toBe(true);
    expect(isRunning(s3)).toBe(false);
  });
  it('keeps items waiting through an error and clears the error only on a full sync', () => {
    const failed = run([{ type: 'connected' }, { type: 'push-started', waiting: 10 }, { type: 'failed', error: err }]);
    expect(failed).toMatchObject({ phase: 'error', waiting: 10, lastError: err, lastSyncAt: null });
    const retry = run([{ type: 'push-started', waiting: 12 }, { type: 'pushed', docs: 12, waiting: 0 }], failed);
    expect(retry.lastError).toEqual(err);
    expect(run([{ type: 'pull-started' }, { type: 'pulled', docs: 0, at: 99 }], retry)).toMatchObject({ phase: 'idle', lastError: null, lastSyncAt: 99 });
  });
  it('ignores out-of-order callbacks', () => {
    const idle = run([{ type: 'connected' }]);
    expect(nextSyncState(idle, { type: 'pushed', docs: 3, waiting: 0 })).toBe(idle);
    expect(nextSyncState(idle, { type: 'pulled', docs: 3, at: 1 })).toBe(idle);
    const pulling = run([{ type: 'pull-started' }], idle);
    expect(nextSyncState(pulling, { type: 'pull-started' })).toBe(pulling);
    expect(nextSyncState(idle, { type: 'connected' })).toBe(idle);
    expect(nextSyncState(idle, { type: 'queued', waiting: -3 }).waiting).toBe(0);
  });
  it('forgets everything on disconnect', () => {
    const s = run([{ type: 'connected' }, { type: 'push-started', waiting: 5 }, { type: 'failed', error: err }]);
    expect(nextSyncState(s, { type: 'disconnected' })).toEqual(OFF_STATE);
  });
});

describe('classifySyncError', () => {
  it.each([
    [{ status: 401, name: 'unauthorized', message: 'Name or password is incorrect.' }, 'unauthorized'],
    [{ status: 403, name: 'forbidden', message: 'You may only create your own records' }, 'forbidden'],
    [{ status: 404, name: 'not_found' }, 'not-found'],
    [{ status: 500, message: 'boom' }, 'server'],
    [{ status: 503 }, 'server'],
    [new TypeError('Failed to fetch'), 'unreachable'],
    [{ status: 0, message: 'network error' }, 'unreachable'],
    [{ name: 'permission', message: 'origin not granted' }, 'permission'],
    [{ status: 409, message: 'conflict' }, 'server'],
    ['weird', 'unreachable'],
  ])('%o -> %s', (input, kind) => {
    expect(classifySyncError(input, 7)).toMatchObject({ kind, at: 7 });
  });
  it('keeps the detail short', () => {
    expect(classifySyncError({ status: 500, message: 'x'.repeat(1000) }, 1).detail.length).toBe(300);
  });
});

describe('restoreSyncState', () => {
  it('turns a run a killed worker left behind into idle, keeping its counts', () => {
    expect(restoreSyncState({ phase: 'pushing', waiting: 3, lastSyncAt: 5 })).toMatchObject({ phase: 'idle', waiting: 3, lastSyncAt: 5 });
    expect(restoreSyncState({ phase: 'pulling' }).phase).toBe('idle');
    expect(restoreSyncState({ phase: 'error', lastError: err }).lastError).toEqual(err);
  });
  it('reads garbage as off', () => {
    expect(restoreSyncState(null)).toEqual(OFF_STATE);
    expect(restoreSyncState('x')).toEqual(OFF_STATE);
    expect(restoreSyncState({ phase: 'nope', waiting: -1, lastPushed: NaN })).toEqual(OFF_STATE);
  });
});

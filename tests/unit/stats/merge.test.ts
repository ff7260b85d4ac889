import { describe, expect, it } from 'vitest';
import { mergeDecision, ownRecordId, sameResponse, SAME_REPLY_WINDOW_MS, SAME_RESPONSE_WINDOW_MS, type MergeRecord } from '../../../utils/stats/merge';
import type { ResponseSource } from '../../../utils/stats/types';
import { T0 } from './fixtures';

const SOURCES: ResponseSource[] = ['this-browser', 'observed', 'imported'];

/** A record of conversation "a": customer message `c` ms and reply `r` ms after T0. */
function rec(c: number, r: number, source: ResponseSource, id = `page1|a|${Math.floor((T0 + c) / 1000)}`): MergeRecord {
  return { id, customerAt: T0 + c, repliedAt: T0 + r, source };
}

describe('sameResponse', () => {
  it('the same id is one response, whatever the sources and times', () => {
    for (const a of SOURCES) for (const b of SOURCES) expect(sameResponse(rec(0, 5_000, a, 'x'), rec(30_000, 50_000, b, 'x'))).toBe(true);
  });

  it('two replies sent from browsers (this-browser on both sides, different ids) are two responses, even at the same times', () => {
    expect(sameResponse(rec(0, 5_000, 'this-browser'), rec(1_000, 5_000, 'this-browser'))).toBe(false);
  });

  it.each(SOURCES.flatMap((a) => SOURCES.filter((b) => !(a === 'this-browser' && b === 'this-browser')).map((b) => [a, b] as const)))(
    'a copy (%s vs %s): one response when the customer times and replies are close and overlap',
    (a, b) => {
      // The observer saw the reply 3 s late and the customer message 1.5 s late.
      expect(sameResponse(rec(0, 5_000, a), rec(1_500, 8_000, b))).toBe(true);
      expect(sameResponse(rec(1_500, 8_000, b), rec(0, 5_000, a))).toBe(true);
    },
  );

  it('the windows are strict bounds', () => {
    // Customer times SAME_RESPONSE_WINDOW_MS apart (the replies close): not the same.
    expect(sameResponse(rec(0, 65_000, 'observed'), rec(SAME_RESPONSE_WINDOW_MS, 66_000, 'imported'))).toBe(false);
    expect(sameResponse(rec(0, 65_000, 'observed'), rec(SAME_RESPONSE_WINDOW_MS - 1, 66_000, 'imported'))).toBe(true);
    // Replies SAME_REPLY_WINDOW_MS apart: not the same.
    expect(sameResponse(rec(0, 20_000, 'observed'), rec(0, 20_000 + SAME_REPLY_WINDOW_MS, 'imported', 'other'))).toBe(false);
    expect(sameResponse(rec(0, 20_000, 'observed'), rec(0, 20_000 + SAME_REPLY_WINDOW_MS - 1, 'imported', 'other'))).toBe(true);
  });

  it('a record whose customer message comes at or after the other\'s reply is the next response, however close', () => {
    // A colleague replied at 5 s (A saw it at 7 s); the customer wrote again at 7.5 s and A answered at 10 s.
    const colleague = rec(0, 5_000, 'imported');
    const next = rec(7_500, 10_000, 'observed');
    expect(sameResponse(colleague, next)).toBe(false);
    expect(sameResponse(next, colleague)).toBe(false);
    // Exactly at the reply: still the next one.
    expect(sameResponse(rec(0, 5_000, 'observed'), rec(5_000, 9_000, 'imported'))).toBe(false);
    // One millisecond before it: overlapping, the same.
    expect(sameResponse(rec(0, 5_000, 'observed'), rec(4_999, 9_000, 'imported'))).toBe(true);
  });
});

describe('mergeDecision', () => {
  it('adds what matches nothing held (nothing held, or only other responses)', () => {
    expect(mergeDecision(rec(0, 5_000, 'observed'), [])).toMatchObject({ action: 'add' });
    expect(mergeDecision(rec(0, 5_000, 'observed'), [rec(120_000, 125_000, 'this-browser'), rec(10_000, 14_000, 'observed')])).toMatchObject({ action: 'add' });
  });

  it.each(SOURCES)('keeps this browser\'s own record against an incoming %s record of it', (source) => {
    const own = rec(0, 5_000, 'this-browser');
    // Another browser's own record under this id, of another reply, is another response (issue 16, below).
    if (source !== 'this-browser') expect(mergeDecision({ ...rec(1_000, 7_000, source), id: own.id }, [own])).toEqual({ action: 'skip', heldId: own.id });
    // A copy under another id: the same when the times match (an own record under another id is another reply, below).
    if (source !== 'this-browser') expect(mergeDecision(rec(1_000, 7_000, source), [own])).toEqual({ action: 'skip', heldId: own.id });
  });

  it.each(['observed', 'imported'] as const)('an incoming own record replaces a held %s copy of it (the answering browser timed its own send)', (held) => {
    const copy = rec(1_000, 8_000, held);
    expect(mergeDecision(rec(0, 5_000, 'this-browser'), [copy])).toMatchObject({ action: 'replace', heldId: copy.id });
    // Under the same id too (the same customer message second).
    const sameId = rec(200, 8_000, held);
    expect(mergeDecision(rec(0, 5_000, 'this-browser', sameId.id), [sameId])).toMatchObject({ action: 'replace', heldId: sameId.id });
  });

  it('an incoming own record already held as it is (the same bundle imported twice) is skipped, not replaced by itself', () => {
    const once = rec(0, 5_000, 'imported');
    expect(mergeDecision(rec(0, 5_000, 'this-browser'), [once])).toEqual({ action: 'skip', heldId: once.id });
    // The same id with other times is a copy to replace.
    expect(mergeDecision(rec(0, 5_000, 'this-browser'), [rec(0, 6_000, 'imported')])).toMatchObject({ action: 'replace', heldId: once.id });
  });

  it('an incoming own record replaces the copy with its id first, else the copy whose reply is nearest', () => {
    const far = rec(0, 9_000, 'observed', 'far');
    const near = rec(500, 6_000, 'observed', 'near');
    const incoming = rec(0, 5_000, 'this-browser', 'mine');
    expect(mergeDecision(incoming, [far, near])).toMatchObject({ action: 'replace', heldId: 'near' });
    expect(mergeDecision({ ...incoming, id: 'far' }, [far, near])).toMatchObject({ action: 'replace', heldId: 'far' });
  });

  it('an incoming own record never replaces an own record: same id is skipped, another id is another response', () => {
    const own = rec(0, 5_000, 'this-browser');
    expect(mergeDecision(rec(0, 5_000, 'this-browser', own.id), [own])).toEqual({ action: 'skip', heldId: own.id });
    expect(mergeDecision(rec(1_000, 5_500, 'this-browser'), [own])).toMatchObject({ action: 'add' });
    // Held own and a held copy both match: the own record stays, nothing is replaced.
    expect(mergeDecision(rec(0, 5_000, 'this-browser', own.id), [rec(300, 7_000, 'observed', 'copy'), own])).toEqual({ action: 'skip', heldId: own.id });
  });

  it.each([
    ['observed', 'observed'],
    ['observed', 'imported'],
    ['imported', 'observed'],
    ['imported', 'imported'],
  ] as const)('an incoming %s copy of a held %s copy is skipped', (incoming, held) => {
    const h = rec(0, 6_000, held);
    expect(mergeDecision(rec(800, 7_000, incoming), [h])).toEqual({ action: 'skip', heldId: h.id });
  });

  it('the lockstep case: a colleague\'s reply seen late, then this browser answers the next message, and both browsers\' records merge right', () => {
    // Browser B (Paul) replies at 5 s; A (Marie) shows it at 8 s and records an observed copy.
    // The customer writes again at 9 s; Marie replies at 12 s (her own record); B shows it at 14 s (B's observed copy).
    const aObservedPaul = rec(0, 8_000, 'observed', 'a-paul');
    const aOwn = rec(9_000, 12_000, 'this-browser', 'a-own');
    const bOwn = rec(0, 5_000, 'this-browser', 'b-own');
    const bObservedMarie = rec(9_200, 14_000, 'observed', 'b-marie');
    const held = [aObservedPaul, aOwn];
    // B's own reply replaces A's late copy of it, and is not taken for A's next response (its reply is 7 s away).
    expect(mergeDecision(bOwn, held)).toMatchObject({ action: 'replace', heldId: 'a-paul' });
    // B's copy of A's reply is A's own response: skipped.
    expect(mergeDecision(bObservedMarie, [aOwn, bOwn])).toEqual({ action: 'skip', heldId: 'a-own' });
  });
});

describe('two own records under one id (issue 16: two agents in two browsers, each counted from the same customer second)', () => {
  it('the incoming own record of another reply is another response, added under its own-record id', () => {
    const a = rec(0, 4_000, 'this-browser'); // this browser's agent answered at T0 + 4 s
    const b = rec(300, 9_000, 'this-browser', a.id); // the other browser's agent answered the next message at T0 + 9 s
    expect(ownRecordId(b)).toBe(`${a.id}|${Math.floor((T0 + 9_000) / 1000)}`);
    expect(mergeDecision(b, [a])).toEqual({ action: 'add', id: ownRecordId(b) });
  });

  it('imported again (held as a copy under its own-record id), it is skipped: nothing doubles, the own record stays', () => {
    const a = rec(0, 4_000, 'this-browser');
    const b = rec(300, 9_000, 'this-browser', a.id);
    const copy = { ...b, id: ownRecordId(b), source: 'imported' as const };
    expect(mergeDecision(b, [a, copy])).toEqual({ action: 'skip', heldId: copy.id });
  });

  it('an own record of the very same reply (same id, same reply time: this browser\'s own export) is still skipped', () => {
    const a = rec(0, 4_000, 'this-browser');
    expect(mergeDecision({ ...a }, [a])).toEqual({ action: 'skip', heldId: a.id });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { BOLD_MEMO_MS, isBold } from '../../../utils/inbox/selectors';

// isBold remembers the computed weight per chain of classes and inline styles (Meta's atomic CSS), so a
// re-rendered list does not force a style recalculation per row. These check that the memo is never wrong.
describe('isBold memo', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  function page(html: string) {
    document.head.innerHTML = '<style>.b { font-weight: 700 } .n { font-weight: 400 }</style>';
    document.body.innerHTML = html;
  }

  it('asks the browser once per chain, and gives each chain its own answer', () => {
    page('<div class="row"><span class="b">A</span></div><div class="row"><span class="b">B</span></div><div class="row"><span class="n">C</span></div>');
    const spy = vi.spyOn(window, 'getComputedStyle');
    const spans = [...document.querySelectorAll('span')];
    expect(spans.map(isBold)).toEqual([true, true, false]);
    expect(spy).toHaveBeenCalledTimes(2); // A and B share a chain
    // New nodes with the same chain (a re-render): no new question.
    document.body.innerHTML = '<div class="row"><span class="b">D</span></div>';
    expect(isBold(document.querySelector('span')!)).toBe(true);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('an ancestor class or an inline style makes another chain (inherited weight)', () => {
    page('<div class="b"><span>A</span></div><div><span>B</span></div><div><span style="font-weight: 700">C</span></div>');
    const spans = [...document.querySelectorAll('span')];
    expect(spans.map(isBold)).toEqual([true, false, true]);
  });

  it('forgets when a stylesheet is added, and after BOLD_MEMO_MS', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    page('<span class="x">A</span>');
    const span = () => document.querySelector('span')!;
    expect(isBold(span())).toBe(false);
    const style = document.createElement('style');
    style.textContent = '.x { font-weight: 700 }';
    document.head.append(style);
    expect(isBold(span())).toBe(true); // a new sheet: asked again
    style.textContent = '.x { font-weight: 400 }'; // rules changed inside a sheet: nothing announces it
    expect(isBold(span())).toBe(true);
    vi.advanceTimersByTime(BOLD_MEMO_MS);
    expect(isBold(span())).toBe(false);
  });

  it('forgets when a stylesheet is replaced by another (same count)', () => {
    page('<span class="x">A</span>');
    document.head.innerHTML = '<style>.x { font-weight: 700 }</style>';
    expect(isBold(document.querySelector('span')!)).toBe(true);
    document.head.innerHTML = '<style>.x { font-weight: 400 }</style>';
    expect(isBold(document.querySelector('span')!)).toBe(false);
  });
});

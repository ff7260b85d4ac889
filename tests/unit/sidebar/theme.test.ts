import { afterEach, describe, expect, it } from 'vitest';
import { hostIsDark, luminance, parseRgb, watchHostTheme } from '../../../utils/inbox/theme';

afterEach(() => {
  document.documentElement.className = '';
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
});

describe('the inbox page theme', () => {
  it('parses computed colours', () => {
    expect(parseRgb('rgb(24, 25, 26)')).toEqual({ r: 24, g: 25, b: 26, a: 1 });
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseRgb('rgb(0 0 0 / 50%)')).toEqual({ r: 0, g: 0, b: 0, a: 0.5 });
    expect(parseRgb('transparent')).toBeNull();
  });

  it('measures luminance (WCAG)', () => {
    expect(luminance({ r: 0, g: 0, b: 0 })).toBe(0);
    expect(luminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
    expect(luminance({ r: 24, g: 25, b: 26 })).toBeLessThan(0.2);
  });

  it("is dark with Meta's dark-mode class or a dark page background, light otherwise", () => {
    expect(hostIsDark(document)).toBe(false);
    document.documentElement.classList.add('__fb-dark-mode');
    expect(hostIsDark(document)).toBe(true);
    document.documentElement.className = '';
    document.body.style.backgroundColor = 'rgb(24, 25, 26)';
    expect(hostIsDark(document)).toBe(true);
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(hostIsDark(document)).toBe(false);
  });

  it('tells when it changes, and stops when aborted', async () => {
    const seen: boolean[] = [];
    const stop = new AbortController();
    watchHostTheme(document, (dark) => seen.push(dark), stop.signal);
    document.documentElement.classList.add('__fb-dark-mode');
    await new Promise((r) => setTimeout(r, 0));
    document.documentElement.classList.add('other'); // no change of theme: nothing said
    await new Promise((r) => setTimeout(r, 0));
    stop.abort();
    document.documentElement.className = '';
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([false, true]);
  });
});

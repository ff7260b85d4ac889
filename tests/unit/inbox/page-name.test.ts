import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPageName } from '../../../utils/inbox/snapshot';

/** The Page name (top bar): often absent, so one walk of the page must tell, not one per alternative (issue 11). */
afterEach(() => vi.restoreAllMocks());

function walks(read: () => unknown) {
  const qs = vi.spyOn(document, 'querySelector');
  const qsa = vi.spyOn(document, 'querySelectorAll');
  const value = read();
  return { value, walks: qs.mock.calls.length + qsa.mock.calls.length };
}

describe('readPageName', () => {
  it('one walk when the page has no Page name', () => {
    document.body.innerHTML = '<div role="main"><div data-pagelet="X"><span>Ana</span></div></div>';
    expect(walks(() => readPageName(document))).toEqual({ value: null, walks: 1 });
  });

  it('finds the heading first, else the picture, as the table orders them', () => {
    document.body.innerHTML = '<div role="banner"><img alt="Page from picture"><div role="heading">Page from heading</div></div>';
    expect(readPageName(document)).toBe('Page from heading');
    document.body.innerHTML = '<div role="banner"><img alt="Page from picture"></div><div role="heading">Not in the banner</div>';
    expect(readPageName(document)).toBe('Page from picture');
    document.body.innerHTML = '<div role="banner"><img alt=""></div>';
    expect(readPageName(document)).toBeNull();
  });
});

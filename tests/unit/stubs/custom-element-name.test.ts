import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import real from 'is-potential-custom-element-name';
import stub from '../../../utils/stubs/custom-element-name';

// The content script replaces the package with an ASCII stub (wxt.config.ts): it must agree on our name and
// on the ASCII names around it, and never accept a name the package refuses.
describe('custom element name stub', () => {
  it("accepts the sidebar's host name, as the package does", () => {
    const name = /name: '([^']+)'/.exec(readFileSync('components/sidebar/mount.tsx', 'utf8'))![1]!;
    expect(stub(name)).toBe(true);
    expect(real(name)).toBe(true);
  });

  it('never accepts what the package refuses', () => {
    for (const name of ['inbox-pilot-sidebar', 'a-b', 'ab', 'A-b', '-ab', '1-a', 'a_b-c', 'a.b-c', 'a--', 'a-', 'a b-c', 'a-B', '', 'x-ü']) {
      if (stub(name)) expect(real(name), name).toBe(true);
    }
  });
});

/**
 * The content script's `is-potential-custom-element-name` (wxt.config.ts aliases it there): WXT's shadow-root
 * UI checks the host element's name with it. The sidebar's one name is fixed (components/sidebar/mount.tsx)
 * and valid, so the package's Unicode ranges (0.2 KB gzipped at start-up, issue 14) are replaced by the ASCII
 * rule: a lowercase letter first, then at least one hyphen. A test checks the sidebar's name against both.
 */
export default function isPotentialCustomElementName(name: string): boolean {
  return /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(name);
}

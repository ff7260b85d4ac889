/**
 * The sidebar's lazy chunk (utils/lazy/chunks.ts): the footer (shortcuts, team stats link, sync status
 * line) and the first-run tour, loaded once the sidebar is up (components/sidebar/lazy-part.tsx).
 */
export { SidebarFooter } from './SidebarFooter';
export { Tour } from './Tour';

/**
 * The sidebar's lazy chunk (utils/lazy/chunks.ts): the footer (shortcuts, team stats link, sync status
 * line), the first-run tour and the layout notice, loaded once the sidebar is up (components/sidebar/lazy-part.tsx).
 */
export { LayoutNotice } from './LayoutNotice';
export { SidebarFooter } from './SidebarFooter';
export { Tour } from './Tour';

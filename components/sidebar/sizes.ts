/** Width of the open sidebar; the page is narrowed by as much so Meta's composer and Send stay uncovered. */
export const SIDEBAR_WIDTH = 320;
/** Width of the collapsed sidebar's tab (sidebar.css `.ip-sidebar--collapsed`). */
export const COLLAPSED_WIDTH = 32;

/** Messages the inbox content script answers (extension pages -> the inbox tab). */
export interface InboxProtocol {
  /** Options page -> an inbox tab's content script: the privacy-safe layout report of that tab (utils/inbox/layout-report.ts). */
  'inbox:layout-report': { request: void; response: { report: string } };
}

/** The test-only feature's message (options/e2e -> the inbox tab); its handler throws on purpose. */
export interface CrashTestProtocol {
  'crash-test:boom': { request: void; response: { ok: boolean } };
}

import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

// Every test starts with empty extension storage and no listeners.
beforeEach(() => {
  fakeBrowser.reset();
});

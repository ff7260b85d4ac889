import * as preact from 'preact';
import * as hooks from 'preact/hooks';
import * as jsxRuntime from 'preact/jsx-runtime';
import * as signals from '@preact/signals';
import * as storage from 'wxt/utils/storage';
import * as i18n from '../i18n';
import type { SharedModule } from './chunks';

/** The content script's own instances of the modules its lazy chunks share (utils/lazy/chunks.ts). */
export const sharedModules: Record<SharedModule, unknown> = {
  preact,
  'preact/hooks': hooks,
  'preact/jsx-runtime': jsxRuntime,
  '@preact/signals': signals,
  'wxt/utils/storage': storage,
  'utils/i18n/index.ts': i18n,
};

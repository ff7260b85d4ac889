import { Component, Fragment, createElement, h, render } from 'preact';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { jsx, jsxs, Fragment as JsxFragment } from 'preact/jsx-runtime';
import { batch, computed, effect, signal, useComputed, useSignal, useSignalEffect } from '@preact/signals';
import { storage } from 'wxt/utils/storage';
import { defineMessages, formatDuration, joinMessages, messagesFor, uiLocale } from '../i18n';
import { hash } from '../inbox/keys';
import { allLabels, normalizeLabel } from '../inbox/labels';
import { isBold } from '../inbox/selectors';
import { looksLikeTimeToken } from '../inbox/time-token';
import type { SHARED_MODULES, SharedModule } from './chunks';

/** The content script's own instances of what its lazy chunks share (utils/lazy/chunks.ts): every name listed there. */
export const sharedModules = {
  preact: { Component, Fragment, createElement, h, render },
  'preact/hooks': { useCallback, useEffect, useId, useMemo, useRef, useState },
  'preact/jsx-runtime': { Fragment: JsxFragment, jsx, jsxs },
  '@preact/signals': { batch, computed, effect, signal, useComputed, useSignal, useSignalEffect },
  'wxt/utils/storage': { storage },
  'utils/i18n/index.ts': { defineMessages, formatDuration, joinMessages, messagesFor, uiLocale },
  'utils/inbox/keys.ts': { hash },
  'utils/inbox/labels/index.ts': { allLabels, normalizeLabel },
  'utils/inbox/selectors.ts': { isBold },
  'utils/inbox/time-token.ts': { looksLikeTimeToken },
} satisfies { [M in SharedModule]: Record<(typeof SHARED_MODULES)[M][number], unknown> };

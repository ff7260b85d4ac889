import { lazyFeature } from '../lazy';
import { timersMeta } from './feature';
import './style.css';

/**
 * Reply timers: who is waiting, for how long, against the target (issue 4). Its code (controller, ticker,
 * panel, utils/timers) is a lazy chunk (./lazy.tsx) loaded when the feature starts; the inbox source
 * replays what happened before to it. The styles stay in the sidebar's stylesheet.
 */
export const timersFeature = lazyFeature(timersMeta, 'timers');

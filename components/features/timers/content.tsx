import { lazyFeature } from '../lazy';
import { timersMeta } from './feature';

/**
 * Reply timers: who is waiting, for how long, against the target (issue 4). Its code (controller, ticker,
 * panel, utils/timers) is a lazy chunk (./lazy.tsx) loaded when the feature starts; the inbox source
 * replays what happened before to it. Its styles travel in the chunk.
 */
export const timersFeature = lazyFeature(timersMeta, 'timers');

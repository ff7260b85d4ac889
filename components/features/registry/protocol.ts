import type { TimersProtocol } from '../timers/protocol';
import type { RepliesProtocol } from '../replies/protocol';
import type { DraftProtocol } from '../draft/protocol';
import type { StatsProtocol } from '../stats/protocol';
import type { ShortcutsProtocol } from '../shortcuts/protocol';
import type { CrashTestProtocol } from '../crash-test/protocol';
import type { SyncProtocol } from '../sync/protocol';

/** The messages every feature adds to the typed protocol: one line per feature (utils/messaging/protocol.ts joins it with the core's). */
export interface FeaturesProtocol extends TimersProtocol, RepliesProtocol, DraftProtocol, StatsProtocol, ShortcutsProtocol, SyncProtocol, CrashTestProtocol {}

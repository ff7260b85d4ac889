import type { Rule } from '../doc';
import { tooLong } from './too-long';
import { keyPointLate } from './key-point-late';
import { missingSignOff } from './missing-sign-off';
import { companySignOff } from './company-sign-off';
import { stepsAsProse } from './steps-as-prose';
import { shouting } from './shouting';
import { sensitiveInPublic } from './sensitive-in-public';
import { unadaptedSavedReply } from './unadapted-saved-reply';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { windowClosed } from './window-closed';

/** Every rule, in the order findings are shown (what blocks sending first). */
export const RULES: Rule[] = [
  windowClosed,
  unfilledPlaceholder,
  sensitiveInPublic,
  companySignOff,
  missingSignOff,
  unadaptedSavedReply,
  shouting,
  keyPointLate,
  stepsAsProse,
  tooLong,
];

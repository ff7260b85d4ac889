import type { ContentFeature } from '../types';
import { crashTestFeature } from './content';

/** Empty unless the build sets IP_TEST_FEATURE=1: the constant is replaced at build time and the shipped bundle drops the feature. */
export const testFeatures: ContentFeature[] = import.meta.env.IP_TEST_FEATURE === '1' ? [crashTestFeature()] : [];

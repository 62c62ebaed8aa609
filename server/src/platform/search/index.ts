export { segmentForIndex, segmentQuery, cjkBigrams } from './segment.ts';

import type { DecisionView } from '../../../shared/api/caseHistory';

/**
 * The decision under appeal as `cases.history` delivers it. Its `preview` (typed `unknown`)
 * arrives optional over tRPC, and the appeal screens never read it, so it is left out.
 */
export type OriginalDecision = Omit<DecisionView, 'preview'>;

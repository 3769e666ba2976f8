import { rulebookView } from '../../../shared/api/rulebook';
import { toRulebookView } from '../../../shared/api/rulebookView';
import { defaultRulebook } from '../../../shared/rulebook';
import { permittedProcedure, router } from '../trpc';

// The rulebook is constant data: reshape it once, not on every request.
const defaultRulebookView = toRulebookView(defaultRulebook);

/** The platform rules the desk judges by, for the admin page (every role may read them). */
export const rulebookRouter = router({
  get: permittedProcedure('rulebook.read')
    .output(rulebookView)
    .query(() => defaultRulebookView),
});

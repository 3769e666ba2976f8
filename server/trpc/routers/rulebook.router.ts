import { type RulebookView, rulebookGetInput, rulebookView } from '../../../shared/api/rulebook';
import { toRulebookView } from '../../../shared/api/rulebookView';
import type { Rulebook } from '../../../shared/rulebook';
import { rulebookOf } from '../../../shared/rulebook/platforms';
import { permittedProcedure, router } from '../trpc';

// A rulebook is constant data: reshape each one once, not on every request.
const views = new WeakMap<Rulebook, RulebookView>();
function viewOf(rulebook: Rulebook): RulebookView {
  const known = views.get(rulebook);
  if (known) return known;
  const view = toRulebookView(rulebook);
  views.set(rulebook, view);
  return view;
}

/** The platform rules the desk judges by, for the admin page (every role may read them). */
export const rulebookRouter = router({
  get: permittedProcedure('rulebook.read')
    .input(rulebookGetInput)
    .output(rulebookView)
    .query(({ ctx, input }) => viewOf(input?.platform ? rulebookOf(input.platform) : ctx.rulebooks.default)),
});

import {
  type PlatformRulebookView,
  platformListOutput,
  platformRulebookView,
  rulebookGetInput,
} from '../../../shared/api/rulebook';
import { toRulebookView } from '../../../shared/api/rulebookView';
import {
  DEFAULT_PLATFORM,
  PLATFORM_IDS,
  PLATFORM_NAMES,
  type PlatformId,
  platformOfRule,
  type Rulebook,
  ruleIdsOf,
} from '../../../shared/rulebook';
import { permittedProcedure, router } from '../trpc';
import { simulationDraftProcedures, simulationProcedures } from './rulebookSimulation.router';

// A rulebook is constant data: reshape each one once per platform, not on every request.
const views = new WeakMap<Rulebook, Map<PlatformId, PlatformRulebookView>>();
/**
 * The page of one platform shows its own rules only: until a platform has a rulebook of its
 * own, it shares another's ledgers, and that rulebook's other rules are not the platform's.
 */
function viewOf(rulebook: Rulebook, platform: PlatformId): PlatformRulebookView {
  const known = views.get(rulebook)?.get(platform);
  if (known) return known;
  const own = { ...rulebook, rules: rulebook.rules.filter((r) => platformOfRule(r.id) === platform) };
  const view = { ...toRulebookView(own), platform };
  views.set(rulebook, (views.get(rulebook) ?? new Map()).set(platform, view));
  return view;
}

/** The platform rules the desk judges by, for the rulebook page (every role may read them). */
export const rulebookRouter = router({
  get: permittedProcedure('rulebook.read')
    .input(rulebookGetInput)
    .output(platformRulebookView)
    .query(({ ctx, input }) => {
      const platform = input?.platform ?? DEFAULT_PLATFORM;
      return viewOf(ctx.rulebooks.ofPlatform(platform), platform);
    }),

  /** The platforms, their names in both languages and the rule ids a subject of each may be found in breach of. */
  platforms: permittedProcedure('rulebook.read')
    .output(platformListOutput)
    .query(() => PLATFORM_IDS.map((id) => ({ id, name: PLATFORM_NAMES[id], ruleIds: ruleIdsOf(id) }))),

  // Rulebook authoring's drafts router adds these to its own (docs/SIMULATION.md).
  drafts: router(simulationDraftProcedures),
  ...simulationProcedures,
});

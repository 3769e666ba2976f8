import {
  type PlatformRulebookView,
  platformListOutput,
  platformRulebookView,
  rulebookGetInput,
} from '../../../shared/api/rulebook';
import { rulebookVersionsInput, rulebookVersionsOutput } from '../../../shared/api/rulebookDrafts';
import { toRulebookView } from '../../../shared/api/rulebookView';
import {
  DEFAULT_PLATFORM,
  PLATFORM_IDS,
  PLATFORM_NAMES,
  type PlatformId,
  platformOfRule,
  type Rulebook,
} from '../../../shared/rulebook';
import { listVersions } from '../../services/rulebookDrafts.service';
import { permittedProcedure, router } from '../trpc';
import { rulebookDraftsRouter } from './rulebookDrafts.router';
import { simulationProcedures } from './rulebookSimulation.router';

// A rulebook is constant data: reshape each one once per platform, not on every request.
const views = new WeakMap<Rulebook, Map<PlatformId, PlatformRulebookView>>();
/**
 * The page of one platform shows its own rules only: until a platform has a rulebook of its
 * own, it shares another's ledgers, and that rulebook's other rules are not the platform's.
 * A rule added by a published draft is known to no built-in rulebook: it is the platform's own.
 */
function viewOf(rulebook: Rulebook, platform: PlatformId): PlatformRulebookView {
  const known = views.get(rulebook)?.get(platform);
  if (known) return known;
  const own = { ...rulebook, rules: rulebook.rules.filter((r) => (platformOfRule(r.id) ?? platform) === platform) };
  const view = { ...toRulebookView(own), platform };
  views.set(rulebook, (views.get(rulebook) ?? new Map()).set(platform, view));
  return view;
}

/** The platform rules the desk judges by, for the rulebook page (every role may read them). */
export const rulebookRouter = router({
  get: permittedProcedure('rulebook.read')
    .input(rulebookGetInput)
    .output(platformRulebookView)
    .query(async ({ ctx, input }) => {
      const platform = input?.platform ?? DEFAULT_PLATFORM;
      // The published version in force now, including one another instance just published.
      await ctx.rulebooks.refresh(ctx.db);
      return viewOf(ctx.rulebooks.ofPlatform(platform), platform);
    }),

  /** The platforms, their names in both languages and the rule ids a subject of each may be found in breach of. */
  platforms: permittedProcedure('rulebook.read')
    .output(platformListOutput)
    .query(async ({ ctx }) => {
      await ctx.rulebooks.refresh(ctx.db);
      return PLATFORM_IDS.map((id) => ({
        id,
        name: PLATFORM_NAMES[id],
        ruleIds: ctx.rulebooks
          .ofPlatform(id)
          .rules.filter((r) => (platformOfRule(r.id) ?? id) === id)
          .map((r) => r.id),
      }));
    }),

  /** A platform's published versions, newest first, and which is in force now. */
  versions: permittedProcedure('rulebook.read')
    .input(rulebookVersionsInput)
    .output(rulebookVersionsOutput)
    .query(({ ctx, input }) => listVersions(ctx, input.platform)),

  drafts: rulebookDraftsRouter,
  ...simulationProcedures,
});

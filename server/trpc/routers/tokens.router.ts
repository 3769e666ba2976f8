import { z } from 'zod';
import { tokenCreateInput, tokenView } from '../../../shared/api/tokens';
import type { Permission } from '../../../shared/auth/roles';
import { createToken, listTokens, revokeToken } from '../../services/tokens.service';
import { serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

/** Integration tokens open the API to other systems: administrators only. */
const TOKENS_ADMIN: Permission = 'users.manage';

export const tokensRouter = router({
  list: permittedProcedure(TOKENS_ADMIN)
    .output(z.array(tokenView))
    .query(({ ctx }) => listTokens(ctx)),
  /** Returns the token itself: the only time it is ever shown. */
  create: permittedProcedure(TOKENS_ADMIN)
    .input(tokenCreateInput)
    .output(tokenView.extend({ token: z.string() }))
    .mutation(({ ctx, input }) => createToken(serviceContext(ctx), input)),
  revoke: permittedProcedure(TOKENS_ADMIN)
    .input(z.object({ id: z.number().int().positive() }))
    .output(tokenView)
    .mutation(({ ctx, input }) => revokeToken(serviceContext(ctx), input)),
});

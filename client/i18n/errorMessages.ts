import type { DeskErrorReason } from '../../shared/errors/reasons';

/** Transport codes with a sentence of their own, for an error that carries no reason. */
export const CODES_WITH_MESSAGES = ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS'] as const;
export type CodeWithMessage = (typeof CODES_WITH_MESSAGES)[number];

/**
 * The `error` section of every locale: one sentence per reason of shared/errors/reasons.ts, per
 * code above, `generic` (anything else) and `network` (no answer at all); no more, no less:
 * each locale's section `satisfies` it.
 */
export type ErrorMessages = Record<DeskErrorReason | CodeWithMessage | 'generic' | 'network', string>;

/** An i18n key of the `error` section. */
export type ErrorKey = `error.${keyof ErrorMessages}`;

const CODES = new Set<string>(CODES_WITH_MESSAGES);

export function hasCodeMessage(code: unknown): code is CodeWithMessage {
  return typeof code === 'string' && CODES.has(code);
}

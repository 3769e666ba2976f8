import { TRPCClientError } from '@trpc/client';
import { useTranslation } from 'react-i18next';
import { type ErrorKey, hasCodeMessage } from '../i18n/errorMessages';
import { errorReason } from './trpc';

/** The password estimator's warning and suggestions (zxcvbn-ts keys), in the staff's language. */
function passwordFeedback(error: unknown, t: (key: string) => string, exists: (key: string) => boolean): string[] {
  const details = (error instanceof TRPCClientError ? error.data?.details : undefined) as
    | { warning?: string | null; suggestions?: string[] }
    | undefined;
  const keys = [
    ...(details?.warning ? [`passwordFeedback.warning.${details.warning}`] : []),
    ...(details?.suggestions ?? []).map((s) => `passwordFeedback.suggestions.${s}`),
  ];
  return keys.filter(exists).map((key) => t(key));
}

/**
 * A server error as a sentence in the staff's language: by reason (every reason has one, the
 * locales are typed from shared/errors/reasons.ts), then by code, then generic.
 */
export function useTranslatedError(error: unknown): string | null {
  const { t: translate, i18n } = useTranslation();
  const t = (key: ErrorKey) => translate(key);
  if (!error) return null;
  if (error instanceof TRPCClientError && !error.data) return t('error.network');
  const reason = errorReason(error);
  if (reason === 'password_weak')
    return [t('error.password_weak'), ...passwordFeedback(error, (key) => translate(key), i18n.exists)].join(' ');
  if (reason) return t(`error.${reason}`);
  const code: unknown = error instanceof TRPCClientError ? error.data?.code : undefined;
  if (hasCodeMessage(code)) return t(`error.${code}`);
  return t('error.generic');
}

import { TRPCClientError } from '@trpc/client';
import { useTranslation } from 'react-i18next';
import { errorReason } from './trpc';

type Translate = (key: 'error.generic') => string;

/** The password estimator's warning and suggestions (zxcvbn-ts keys), in the staff's language. */
function passwordFeedback(error: unknown, t: Translate, exists: (key: string) => boolean): string[] {
  const details = (error instanceof TRPCClientError ? error.data?.details : undefined) as
    | { warning?: string | null; suggestions?: string[] }
    | undefined;
  const keys = [
    ...(details?.warning ? [`passwordFeedback.warning.${details.warning}`] : []),
    ...(details?.suggestions ?? []).map((s) => `passwordFeedback.suggestions.${s}`),
  ];
  return keys.filter(exists).map((key) => t(key as 'error.generic'));
}

/** A server error as a sentence in the staff's language: by reason, then by code, then generic. */
export function useTranslatedError(error: unknown): string | null {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  if (error instanceof TRPCClientError && !error.data) return t('error.network');
  const reason = errorReason(error);
  if (reason === 'password_weak')
    return [t('error.password_weak'), ...passwordFeedback(error, t, i18n.exists)].join(' ');
  if (reason && i18n.exists(`error.${reason}`)) return t(`error.${reason}` as 'error.generic');
  const code = error instanceof TRPCClientError ? error.data?.code : undefined;
  if (code && i18n.exists(`error.${code}`)) return t(`error.${code}` as 'error.generic');
  return t('error.generic');
}

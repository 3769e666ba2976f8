import { TRPCClientError } from '@trpc/client';
import { useTranslation } from 'react-i18next';
import { errorReason } from './trpc';

/** A server error as a sentence in the staff's language: by reason, then by code, then generic. */
export function useTranslatedError(error: unknown): string | null {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  if (error instanceof TRPCClientError && !error.data) return t('error.network');
  const reason = errorReason(error);
  if (reason && i18n.exists(`error.${reason}`)) return t(`error.${reason}` as 'error.generic');
  const code = error instanceof TRPCClientError ? error.data?.code : undefined;
  if (code && i18n.exists(`error.${code}`)) return t(`error.${code}` as 'error.generic');
  return t('error.generic');
}

import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../../lib/trpc';

/** Leases last 15 minutes; renewing every 5 keeps a case the reviewer has open theirs. */
const RENEW_EVERY_MS = 5 * 60_000;

export function useLeaseRenewal(caseId: number, holdsLease: boolean) {
  const trpc = useTRPC();
  const renew = useMutation(trpc.cases.renewLease.mutationOptions());
  const { mutate } = renew;
  useEffect(() => {
    if (!holdsLease) return;
    const timer = setInterval(() => mutate({ caseId }), RENEW_EVERY_MS);
    return () => clearInterval(timer);
  }, [caseId, holdsLease, mutate]);
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** The signed-in staff member (null when signed out), and sign-in/sign-out actions. */
export function useSession() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  const refresh = () => queryClient.invalidateQueries();
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: refresh }));
  // Signed out: forget every cached answer of this user.
  const forgetUser = () => {
    const meKey = trpc.auth.me.queryKey();
    queryClient.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey) !== JSON.stringify(meKey) });
    queryClient.setQueryData(meKey, null);
  };
  // Signed out, or the session was already gone: either way this browser is signed out.
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSettled: forgetUser }));
  // Ends every session of the user; a failure leaves them signed in here, and says why.
  const logoutEverywhere = useMutation(trpc.auth.logoutEverywhere.mutationOptions({ onSuccess: forgetUser }));
  return { user: me.data ?? null, loading: me.isPending, login, logout, logoutEverywhere };
}

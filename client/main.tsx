import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { DEFAULT_PLATFORM } from '../shared/rulebook/platforms';
import { App, preloadPageFor } from './App';
import './i18n';
import { createApiClient, createQueryClient, TRPCProvider, useTRPC } from './lib/trpc';
import { DeskThemeProvider } from './theme';

function Root() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createApiClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <FirstScreenPrefetch />
        <DeskThemeProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </DeskThemeProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/**
 * At boot, beside the session check rather than after it: the current page's code, and the
 * rulebook every page waits for (the platform's clock). Requests made in the same tick go out in
 * one batch with the session check. Without a session the prefetch fails quietly and the page
 * asks again once signed in.
 */
function FirstScreenPrefetch() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useState(() => {
    preloadPageFor(window.location.pathname);
    // The same query the shell's platform clock asks (RulebookGate's default platform).
    void queryClient.prefetchQuery({
      ...trpc.rulebook.get.queryOptions({ platform: DEFAULT_PLATFORM }),
      staleTime: Number.POSITIVE_INFINITY,
    });
  });
  return null;
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

import type { ReactNode } from 'react';
import { setPlatformOffset } from '../../lib/platformTime';
import { RulebookGate } from './RulebookGate';
import { useRulebook } from './rulebookContext';

/**
 * Pages render once the platform's clock is known: the rulebook (loaded once, cached for the
 * session) says its offset, and every time shown or typed below reads it (client/lib/platformTime).
 */
export function PlatformClockGate({ children }: { children: ReactNode }) {
  return (
    <RulebookGate>
      <SetPlatformClock>{children}</SetPlatformClock>
    </RulebookGate>
  );
}

function SetPlatformClock({ children }: { children: ReactNode }) {
  // Set during render, before the children format a time; the value only changes with a deployment.
  setPlatformOffset(useRulebook().view.utcOffsetMinutes);
  return children;
}

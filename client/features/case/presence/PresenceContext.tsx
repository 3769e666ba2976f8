import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { CaseViewerOutput } from '../../../../shared/api/presence';
import { usePresence } from './usePresence';

interface Presence {
  /** The other people with this case open. */
  viewers: CaseViewerOutput[];
  /** Whether the caller has a decision in progress here (told to the others). */
  editing: boolean;
  setEditing(editing: boolean): void;
}

const PresenceContext = createContext<Presence>({ viewers: [], editing: false, setEditing: () => {} });

/** Presence for one case page: the bar and the decision form read it from here. */
export function PresenceProvider({ caseId, children }: { caseId: number; children: ReactNode }) {
  const [editing, setEditing] = useState(false);
  const viewers = usePresence(caseId, editing);
  const value = useMemo(() => ({ viewers, editing, setEditing }), [viewers, editing]);
  return <PresenceContext.Provider value={value}>{children}</PresenceContext.Provider>;
}

export const useCasePresence = () => useContext(PresenceContext);

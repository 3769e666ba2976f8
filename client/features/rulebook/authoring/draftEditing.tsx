import { createContext, type ReactNode, useContext } from 'react';
import type { Rulebook } from '../../../../shared/rulebook/types';
import type { DraftPath } from './draftEdits';
import type { PublishedVersions } from './fieldChecks';

/** What every field of the draft editor needs: the draft, how to change it, and what is wrong where. */
export interface DraftEditing {
  rulebook: Rulebook;
  /** Rule versions the published rulebook has: those already in force are shown, never edited. */
  published: PublishedVersions;
  readOnly: boolean;
  /** Platform-local date today (YYYY-MM-DD). */
  today: string;
  edit(path: DraftPath, value: unknown): void;
  /** The problem at this field, worded for the staff, if any. */
  issueAt(path: DraftPath): string | undefined;
}

const DraftEditingContext = createContext<DraftEditing | null>(null);

export function DraftEditingProvider({ value, children }: { value: DraftEditing; children: ReactNode }) {
  return <DraftEditingContext.Provider value={value}>{children}</DraftEditingContext.Provider>;
}

export function useDraftEditing(): DraftEditing {
  const value = useContext(DraftEditingContext);
  if (!value) throw new Error('useDraftEditing outside DraftEditingProvider');
  return value;
}

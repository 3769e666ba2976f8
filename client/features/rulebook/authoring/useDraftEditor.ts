/**
 * The draft editor's state: the saved draft from the server, the admin's unsaved edits on top,
 * the checks (ours on every keystroke; the single rulebook check, debounced, on the unsaved
 * rulebook) and saving with the version read, so two admins never overwrite each other unknowingly.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useCallback, useMemo, useState } from 'react';
import type { RulebookDiffView, RulebookIssueView } from '../../../../shared/api/rulebookDrafts';
import { parseRulebook } from '../../../../shared/rulebook/rulebookSchema';
import { localDate } from '../../../../shared/rulebook/time';
import type { Rulebook } from '../../../../shared/rulebook/types';
import { useTRPC } from '../../../lib/trpc';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { type DraftPath, setIn } from './draftEdits';
import { type FieldIssue, fieldIssues, publishedVersionsOf } from './fieldChecks';

/** What the server said is wrong with a refused save (`data.details.issues`), if it said. */
function refusedIssues(error: unknown): RulebookIssueView[] | null {
  if (!(error instanceof TRPCClientError)) return null;
  const issues: unknown = (error.data?.details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as RulebookIssueView[]) : null;
}

export function isConflict(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.code === 'CONFLICT';
}

export function useDraftEditor(id: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.rulebook.drafts.get.queryOptions({ id }));
  const platform = query.data?.draft.platform;
  // The published rulebook, for which rule versions are already in force (never edited).
  const published = useQuery({
    ...trpc.rulebook.get.queryOptions({ platform: platform ?? 'taobao' }),
    enabled: platform !== undefined,
  });
  const [edited, setEdited] = useState<Rulebook | null>(null);
  // The draft version the unsaved edits started from: what `update` must send, even after a
  // background refetch has brought a newer version another admin saved (that is the conflict).
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [refused, setRefused] = useState<RulebookIssueView[] | null>(null);
  const saved = query.data?.rulebook as Rulebook | undefined;
  const rulebook = edited ?? saved;
  const editable = query.data?.draft.status === 'draft';

  const edit = useCallback((path: DraftPath, value: unknown) => {
    setEdited((current) => (current ? setIn(current, path, value) : current));
  }, []);
  // The first edit starts from the saved rulebook.
  const editFromSaved = useCallback(
    (path: DraftPath, value: unknown) => {
      setRefused(null);
      if (edited === null && saved) {
        setBaseVersion(query.data?.draft.version ?? null);
        setEdited(setIn(saved, path, value));
      } else edit(path, value);
    },
    [edited, saved, edit, query.data?.draft.version],
  );

  const today = rulebook ? localDate(Date.now(), rulebook.utcOffsetMinutes) : '';
  const publishedVersions = useMemo(() => publishedVersionsOf(published.data?.rules ?? []), [published.data]);
  const local: FieldIssue[] = useMemo(
    () => (rulebook && editable ? fieldIssues(rulebook, publishedVersions, today) : []),
    [rulebook, editable, publishedVersions, today],
  );

  // The single check the server runs on save (the shared schema and consistency check), run here
  // on the unsaved rulebook once typing pauses, so its problems show at their fields before saving.
  const pending = useDebouncedValue(edited, 300);
  const checked = useMemo(() => (pending ? parseRulebook(pending) : null), [pending]);
  const checkIsCurrent = edited !== null && pending === edited;

  const save = useMutation(
    trpc.rulebook.drafts.update.mutationOptions({
      onSuccess: async (draft, input) => {
        // What was saved is the draft now, at its new version, before the refetch brings the diff:
        // an edit made meanwhile starts from it, not from the version just replaced.
        queryClient.setQueryData(trpc.rulebook.drafts.get.queryKey({ id }), (old) =>
          old ? { ...old, draft, rulebook: input.rulebook as typeof old.rulebook, issues: [] } : old,
        );
        setEdited(null);
        setRefused(null);
        await queryClient.invalidateQueries({ queryKey: trpc.rulebook.drafts.pathKey() });
      },
      onError: (error) => setRefused(refusedIssues(error)),
    }),
  );

  const serverIssues: RulebookIssueView[] =
    refused ??
    (edited === null ? (query.data?.issues ?? []) : checkIsCurrent && checked && !checked.ok ? checked.issues : []);
  const diff: RulebookDiffView | undefined = query.data?.diff;

  return {
    query,
    draft: query.data?.draft,
    current: query.data?.current,
    rulebook,
    dirty: edited !== null,
    editable,
    today,
    publishedVersions,
    localIssues: local,
    serverIssues,
    /** The saved draft against the rulebook in force (unsaved edits show once saved). */
    diff,
    edit: editFromSaved,
    revert: () => {
      setEdited(null);
      setRefused(null);
      save.reset();
    },
    save: () => {
      if (edited && baseVersion !== null) save.mutate({ id, version: baseVersion, rulebook: edited });
    },
    saving: save.isPending,
    saveError: save.error,
    conflict: isConflict(save.error),
    reload: async () => {
      setEdited(null);
      setRefused(null);
      save.reset();
      await query.refetch();
    },
  };
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;

import { createHash } from 'node:crypto';
import { EVIDENCE_KINDS } from '../../shared/api/intake';
import { type CaseActor, guardRecordChange } from '../../shared/cases/caseHolder';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { casesRepo } from '../db/repositories/cases.repo';
import { type EvidenceRef, evidenceRepo } from '../db/repositories/evidence.repo';
import { evidenceFilesRepo } from '../db/repositories/evidenceFiles.repo';
import { detectContentType, isInlineImage } from '../evidence/detectContentType';
import type { ServiceContext } from './serviceContext';

export interface EvidenceUpload {
  caseId: number;
  bytes: Buffer;
  /** One of EVIDENCE_KINDS; when absent it follows from the detected type. */
  kind?: string | null;
  title?: string | null;
  /** Already cleaned (server/evidence/fileNames.ts). */
  fileName?: string | null;
  /** Who uploads: whether they may add to this case in its state (shared/cases/caseHolder.ts). */
  actor: CaseActor;
}

export interface UploadedEvidence {
  evidenceId: number;
  caseId: number;
  kind: string;
  sha256: string;
  contentType: string;
  size: number;
  /** True when these bytes were already stored (for this or another case) and were not stored again. */
  deduplicated: boolean;
  contentUrl: string;
}

export const evidenceContentUrl = (evidenceId: number) => `/api/evidence/${evidenceId}/content`;

/**
 * Files an uploaded file as evidence on a case: the type is detected from the bytes, the bytes
 * are stored once under their SHA-256, and the evidence row and its `evidence.uploaded` event
 * commit together.
 */
export async function uploadEvidence(ctx: ServiceContext, upload: EvidenceUpload): Promise<UploadedEvidence> {
  if (upload.bytes.length === 0) throw new DeskError('BAD_REQUEST', 'empty_file', 'the file is empty');
  const detected = await detectContentType(upload.bytes);
  if (!detected.ok) {
    throw new DeskError(
      'BAD_REQUEST',
      'unsupported_type',
      `files of type ${detected.detected} are not accepted; send PNG, JPEG, GIF, WebP, PDF, or UTF-8 text, CSV or JSON`,
      { detected: detected.detected },
    );
  }
  const kind = evidenceKind(upload.kind, detected.contentType);
  const title = upload.title?.trim().slice(0, 200) || upload.fileName || `${kind}.${detected.extension}`;
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const uploadedBy = ctx.audit.actor.type === 'user' ? Number(ctx.audit.actor.id) : null;
  const now = ctx.clock.now();
  const at = now.toISOString();

  const { evidenceId, stored, c } = await ctx.db.transaction().execute(async (trx) => {
    const c = await casesRepo.find(trx, upload.caseId);
    if (!c) throw notFound('case', upload.caseId);
    guardRecordChange({ id: c.id, status: c.status, assigneeId: c.assignee_id }, 'add_evidence', upload.actor);
    const stored = await evidenceFilesRepo.insertIfAbsent(
      trx,
      { sha256, contentType: detected.contentType, bytes: upload.bytes },
      at,
    );
    const evidenceId = await evidenceRepo.insertFile(
      trx,
      {
        caseId: c.id,
        kind,
        title,
        sha256,
        contentType: detected.contentType,
        size: upload.bytes.length,
        fileName: upload.fileName ?? null,
        uploadedBy,
      },
      at,
    );
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'evidence.uploaded',
        target: { type: 'case', id: c.id },
        data: {
          evidenceId,
          kind,
          title,
          sha256,
          contentType: detected.contentType,
          size: upload.bytes.length,
          fileName: upload.fileName ?? null,
          deduplicated: !stored,
        },
      },
      now,
    );
    return { evidenceId, stored, c };
  });
  // Open case pages refetch and show the new evidence.
  ctx.bus.publish({
    caseId: c.id,
    action: 'evidence_added',
    status: c.status,
    assigneeId: c.assignee_id,
    version: c.version,
    at,
  });
  return {
    evidenceId,
    caseId: c.id,
    kind,
    sha256,
    contentType: detected.contentType,
    size: upload.bytes.length,
    deduplicated: !stored,
    contentUrl: evidenceContentUrl(evidenceId),
  };
}

function evidenceKind(requested: string | null | undefined, contentType: string): string {
  if (!requested) return isInlineImage(contentType) ? 'image' : contentType === 'application/pdf' ? 'document' : 'text';
  if (!(EVIDENCE_KINDS as readonly string[]).includes(requested)) {
    throw new DeskError('BAD_REQUEST', 'invalid_kind', `kind must be one of ${EVIDENCE_KINDS.join(', ')}`, {
      field: 'kind',
    });
  }
  // An "image" the browser cannot draw would only confuse the reviewer.
  if (requested === 'image' && !isInlineImage(contentType)) {
    throw new DeskError('BAD_REQUEST', 'kind_mismatch', `the file is ${contentType}, not an image`, { field: 'kind' });
  }
  return requested;
}

export interface EvidenceContent {
  evidence: EvidenceRef & { sha256: string; content_type: string };
  bytes: Buffer;
}

/** The bytes of a piece of evidence, for a staff member: the view is audited before anything is sent. */
export async function readEvidenceContent(ctx: ServiceContext, evidenceId: number): Promise<EvidenceContent> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const evidence = await evidenceRepo.findRef(trx, evidenceId);
    if (!evidence) throw notFound('evidence', evidenceId);
    const { sha256, content_type } = evidence;
    if (!sha256 || !content_type) throw new DeskError('NOT_FOUND', 'evidence_has_no_file', 'this evidence has no file');
    const bytes = await evidenceFilesRepo.bytes(trx, sha256);
    if (!bytes) throw new Error(`evidence file ${sha256} is missing`);
    await recordViewed(trx, ctx, evidence, 'content', now);
    return { evidence: { ...evidence, sha256, content_type }, bytes };
  });
}

/** A viewer on the case page opened a piece of structured or text evidence. */
export async function markEvidenceViewed(ctx: ServiceContext, evidenceId: number): Promise<{ ok: true }> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const evidence = await evidenceRepo.findRef(trx, evidenceId);
    if (!evidence) throw notFound('evidence', evidenceId);
    await recordViewed(trx, ctx, evidence, 'viewer', now);
  });
  return { ok: true };
}

/** Who viewed which evidence: the target is the evidence itself, so the audit page can filter on it. */
function recordViewed(
  trx: Parameters<typeof recordEvent>[0],
  ctx: ServiceContext,
  evidence: EvidenceRef,
  via: 'content' | 'viewer',
  now: Date,
) {
  return recordEvent(
    trx,
    ctx.audit,
    {
      action: 'evidence.viewed',
      target: { type: 'evidence', id: evidence.id },
      data: { caseId: evidence.case_id, kind: evidence.kind, sha256: evidence.sha256, via },
    },
    now,
  );
}

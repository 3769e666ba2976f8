import { useParams } from 'react-router';
import type { CaseDetail } from '../../../shared/api/caseDetail';
import { can } from '../../../shared/auth/roles';
import { useSession } from '../auth/useSession';
import { EvidencePanel } from './evidence/EvidencePanel';

/** The case's evidence in typed viewers (client/features/case/evidence/), with uploads for staff who may add it. */
export function EvidenceCard({ evidence }: { evidence: CaseDetail['evidence'] }) {
  const caseId = Number(useParams().id);
  const { user } = useSession();
  const canUpload = Boolean(user && (can(user.role, 'cases.decide') || can(user.role, 'cases.intake')));
  return <EvidencePanel caseId={caseId} evidence={evidence} canUpload={canUpload} />;
}

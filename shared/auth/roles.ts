/**
 * Staff roles and what each may do, defined once for the server (enforced in tRPC
 * middleware) and the client (which hides what a user may not do).
 */
export const ROLES = ['triager', 'reviewer', 'senior_reviewer', 'appeals_officer', 'lead', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'cases.read',
  'cases.intake',
  'cases.claim',
  'cases.decide',
  'cases.approve',
  'appeals.intake',
  'appeals.decide',
  'queues.manage',
  'rulebook.read',
  'rulebook.manage',
  'pii.reveal',
  'audit.read',
  'audit.export',
  'users.manage',
  // Account-security alerts: verify "no risk" or act on the account (docs/MARKETPLACE.md §7).
  'alerts.handle',
  // The dashboard's team figures; without it, staff see only their own.
  'metrics.team',
  // Correct a subject's name (audited); intake keeps the name each report gave on the report.
  'subjects.rename',
  // Write internal notes on cases and subjects (reading them comes with \`cases.read\`). Staff who
  // work cases write them; auditors and admins read but do not write: an auditor observes the
  // casework without taking part in it, and an admin runs accounts, not cases.
  'notes.write',
  // Tags: put one on a case or subject, or take it off (everyone who works cases);
  // keep the vocabulary (create, rename, retire: leads).
  'tags.apply',
  'tags.manage',
  // Quality assurance: review sampled decisions blind (everyone who decides cases); set sampling
  // policies and adjudicate disagreements (leads).
  'qa.review',
  'qa.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERY_READ: Permission[] = ['cases.read', 'rulebook.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  triager: [...EVERY_READ, 'cases.intake', 'appeals.intake', 'subjects.rename', 'notes.write', 'tags.apply'],
  reviewer: [
    ...EVERY_READ,
    'cases.claim',
    'cases.decide',
    'pii.reveal',
    'alerts.handle',
    'notes.write',
    'tags.apply',
    'qa.review',
  ],
  senior_reviewer: [
    ...EVERY_READ,
    'cases.claim',
    'cases.decide',
    'cases.approve',
    'pii.reveal',
    'alerts.handle',
    'notes.write',
    'tags.apply',
    'qa.review',
  ],
  appeals_officer: [...EVERY_READ, 'appeals.intake', 'appeals.decide', 'pii.reveal', 'notes.write', 'tags.apply'],
  lead: [
    ...EVERY_READ,
    'cases.intake',
    'appeals.intake',
    'cases.claim',
    'cases.decide',
    'queues.manage',
    'pii.reveal',
    'alerts.handle',
    'metrics.team',
    'subjects.rename',
    'notes.write',
    'tags.apply',
    'tags.manage',
    'qa.review',
    'qa.manage',
  ],
  auditor: [...EVERY_READ, 'audit.read', 'audit.export', 'pii.reveal'],
  admin: [...EVERY_READ, 'users.manage', 'rulebook.manage', 'audit.read', 'subjects.rename'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

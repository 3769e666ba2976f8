import { can, type Role } from '../../../shared/auth/roles';

/** Who takes QA tasks: staff who decide cases (the server also keeps anyone off their own decisions). */
export const mayCheck = (role: Role) => can(role, 'qa.review');

/** Who sets the sampling policies and adjudicates disagreements: the queues' leads. */
export const mayAdjudicate = (role: Role) => can(role, 'qa.manage');

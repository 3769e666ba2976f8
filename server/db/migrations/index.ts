import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_intake';
import * as m0003 from './0003_audit';
import * as m0004 from './0004_decisions';
import * as m0005 from './0005_evidence_files';
import * as m0006 from './0006_appeals';
import * as m0007 from './0007_outbox';
import * as m0008 from './0008_pii';
import * as m0009 from './0009_security_alerts';
import * as m0010 from './0010_queue_indexes';
import * as m0011 from './0011_rule_source_index';
import * as m0012 from './0012_rate_limits';
import * as m0013 from './0013_decision_states';
import * as m0014 from './0014_queue_holds_escalations';
import * as m0015 from './0015_outbox_attempts';
import * as m0016 from './0016_sign_in_hardening';
import * as m0017 from './0017_intake_integrity';
import * as m0018 from './0018_token_expiry';
import * as m0019 from './0019_totp_hardening';
import * as m0021 from './0021_oidc_sign_in';
import * as m0022 from './0022_subject_platform';
import * as m0023 from './0023_notes';
import * as m0024 from './0024_search_index';
import * as m0025 from './0025_tags_and_views';
import * as m0026 from './0026_case_viewers';
import * as m0028 from './0028_related_subject_indexes';
import * as m0029 from './0029_qa';
import * as m0031 from './0031_qa_gold';
import * as m0032 from './0032_qa_calibration';
import * as m0033 from './0033_rulebook_versions';
import * as m0034 from './0034_rulebook_drafts';
import * as m0035 from './0035_simulation_jobs';
import * as m0036 from './0036_shadow_mode';
import * as m0037 from './0037_reporter_outcomes_and_messages';
import * as m0038 from './0038_appeal_clock';
import * as m0039 from './0039_dsa_submissions';
import * as m0040 from './0040_dsa_puid_prefix';
import * as m0041 from './0041_training_copies_index';
import * as m0042 from './0042_search_index_entries';

/** Every migration, listed explicitly and in order (no directory scanning at run time). */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_intake': m0002,
  '0003_audit': m0003,
  '0004_decisions': m0004,
  '0005_evidence_files': m0005,
  '0006_appeals': m0006,
  '0007_outbox': m0007,
  '0008_pii': m0008,
  '0009_security_alerts': m0009,
  '0010_queue_indexes': m0010,
  '0011_rule_source_index': m0011,
  '0012_rate_limits': m0012,
  '0013_decision_states': m0013,
  '0018_token_expiry': m0018,
  '0015_outbox_attempts': m0015,
  '0016_sign_in_hardening': m0016,
  '0017_intake_integrity': m0017,
  '0014_queue_holds_escalations': m0014,
  '0021_oidc_sign_in': m0021,
  '0026_case_viewers': m0026,
  '0028_related_subject_indexes': m0028,
  '0019_totp_hardening': m0019,
  '0024_search_index': m0024,
  '0023_notes': m0023,
  '0022_subject_platform': m0022,
  '0025_tags_and_views': m0025,
  '0039_dsa_submissions': m0039,
  '0040_dsa_puid_prefix': m0040,
  '0041_training_copies_index': m0041,
  '0042_search_index_entries': m0042,
  '0033_rulebook_versions': m0033,
  '0034_rulebook_drafts': m0034,
  '0035_simulation_jobs': m0035,
  '0036_shadow_mode': m0036,
  '0031_qa_gold': m0031,
  '0032_qa_calibration': m0032,
  '0029_qa': m0029,
  '0037_reporter_outcomes_and_messages': m0037,
  '0038_appeal_clock': m0038,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

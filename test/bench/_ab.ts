import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../server/clock';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { ChangeBus } from '../../server/events/changeBus';
import { submitReport } from '../../server/services/intake.service';
import { createQueue, reportInput, systemContext } from '../support/factories';
const REPORTS = 1500;
const dir = mkdtempSync(join(tmpdir(), 'verdict-ab-'));
const handle = openDatabase(`sqlite:${join(dir, 'desk-intake.sqlite')}`);
await migrateToLatest(handle.db);
await createQueue(handle.db, 'general', { routeRules: [] });
const ctx = { ...systemContext(handle.db), bus: new ChangeBus(), clock: systemClock };
const inputs = Array.from({ length: REPORTS }, (_, i) =>
  reportInput({ externalId: `d-${i}`, subject: { id: `M-${i % 500}`, kind: 'merchant' } }),
);
const start = performance.now();
for (const input of inputs) await submitReport(ctx, input);
const ms = performance.now() - start;
await handle.close();
rmSync(dir, { recursive: true, force: true });
console.log(process.cwd(), Math.round((REPORTS / ms) * 1000), 'reports/s');

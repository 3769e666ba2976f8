import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import {
  DEFAULT_SIMULATION_RUN,
  type PrefetchedChunk,
  runSimulationChunk,
  type SimulationRunConfig,
  type SimulationRunDeps,
} from '../services/simulationRun.service';

/**
 * Works through queued impact simulations (docs/SIMULATION.md): chunk after chunk while there is
 * work, otherwise a look every `pollMs`. Each instance claims jobs under its own name with a
 * lease, so two instances never run the same job, and a job whose instance died is taken over
 * once its lease runs out. stop() lets the chunk in progress settle.
 */
export function startSimulationWorker(
  deps: SimulationRunDeps & { logger: Logger },
  options: { pollMs?: number; run?: SimulationRunConfig } = {},
) {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1000;
  const config = options.run ?? DEFAULT_SIMULATION_RUN;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const round = async () => {
    let next: PrefetchedChunk | undefined;
    while (!stopped) {
      const chunk = await runSimulationChunk(deps, owner, config, next);
      if (chunk.step === 'idle') return;
      if (chunk.step === 'finished') deps.logger.info('impact simulation finished');
      next = chunk.next;
    }
  };
  const tick = () => {
    running = round()
      .catch((err) => deps.logger.error({ err }, 'impact simulation round failed'))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(tick, pollMs);
        timer.unref();
      });
  };
  timer = setTimeout(tick, 0);
  timer.unref();

  return {
    owner,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

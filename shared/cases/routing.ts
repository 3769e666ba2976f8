import type { PlatformId } from '../rulebook/platforms';
import type { ReportSource, SubjectKind } from './enums';

/**
 * Routing rules put a case into a named queue. They are tried in `position` order and the
 * first whose every given condition matches wins; a condition left out matches anything.
 */
export interface RoutingMatch {
  rules?: string[];
  subjectKinds?: SubjectKind[];
  sources?: ReportSource[];
  /** Matches cases whose rule severity (1–5) is at least this. */
  minSeverity?: number;
  /** The subject's platform is one of these (a Kuaishou team's queue, say). */
  platforms?: PlatformId[];
}

export interface RoutingRule {
  id: number;
  position: number;
  queueId: string;
  match: RoutingMatch;
  enabled: boolean;
}

export interface RoutableCase {
  rule: string;
  subjectKind: SubjectKind;
  source: ReportSource;
  severity: number;
  platform: PlatformId;
}

export function matches(match: RoutingMatch, c: RoutableCase): boolean {
  if (match.rules?.length && !match.rules.includes(c.rule)) return false;
  if (match.subjectKinds?.length && !match.subjectKinds.includes(c.subjectKind)) return false;
  if (match.sources?.length && !match.sources.includes(c.source)) return false;
  if (match.minSeverity !== undefined && c.severity < match.minSeverity) return false;
  if (match.platforms?.length && !match.platforms.includes(c.platform)) return false;
  return true;
}

/** The queue of the first enabled matching rule, or null: then the case waits for a triager. */
export function routeCase(rules: readonly RoutingRule[], c: RoutableCase): string | null {
  const ordered = [...rules].filter((r) => r.enabled).sort((a, b) => a.position - b.position || a.id - b.id);
  return ordered.find((r) => matches(r.match, c))?.queueId ?? null;
}

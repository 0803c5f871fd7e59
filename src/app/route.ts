/**
 * Hash routes, so a plain static server and offline use both work:
 *   #/                          the project list
 *   #/project/<id>/<stage>      a stage of a project (#/project/<id> opens its plan)
 * Anything else is 'not-found', which the shell explains instead of showing a blank page.
 */
import { isStageKey, type StageKey } from './stages';

export type Route =
  | { kind: 'projects' }
  | { kind: 'stage'; projectId: string; stage: StageKey }
  | { kind: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts.length === 0) return { kind: 'projects' };
  if (parts[0] === 'project' && parts[1] && parts.length <= 3) {
    const stage = parts[2] ?? 'plan';
    if (isStageKey(stage)) return { kind: 'stage', projectId: parts[1], stage };
  }
  return { kind: 'not-found', hash };
}

export function formatRoute(route: Route): string {
  switch (route.kind) {
    case 'projects':
      return '#/';
    case 'stage':
      return `#/project/${encodeURIComponent(route.projectId)}/${route.stage}`;
    case 'not-found':
      return route.hash;
  }
}

export function stageHref(projectId: string, stage: StageKey): string {
  return formatRoute({ kind: 'stage', projectId, stage });
}

import { describe, expect, test } from 'vitest';
import { formatRoute, parseRoute, stageHref } from '../../src/app/route';
import { STAGES, isStageKey, stagesNamed, stagesWithContent } from '../../src/app/stages';

describe('routes', () => {
  test('parse the project list, stages, and defaults to the plan', () => {
    expect(parseRoute('')).toEqual({ kind: 'projects' });
    expect(parseRoute('#/')).toEqual({ kind: 'projects' });
    expect(parseRoute('#/project/abc/train')).toEqual({ kind: 'stage', projectId: 'abc', stage: 'train' });
    expect(parseRoute('#/project/abc')).toEqual({ kind: 'stage', projectId: 'abc', stage: 'plan' });
    expect(parseRoute('#/project/abc/')).toEqual({ kind: 'stage', projectId: 'abc', stage: 'plan' });
  });

  test('anything else is not found, never a crash', () => {
    for (const hash of ['#/nope', '#/project', '#/project/abc/fly', '#/project/abc/plan/extra', '#/project/%E0%A4%A/plan']) {
      const route = parseRoute(hash);
      if (hash.includes('%E0')) expect(route.kind).toBe('stage');
      else expect(route).toEqual({ kind: 'not-found', hash });
    }
  });

  test('format is the inverse of parse', () => {
    for (const stage of STAGES) {
      const href = stageHref('id with/slash', stage.key);
      expect(parseRoute(href)).toEqual({ kind: 'stage', projectId: 'id with/slash', stage: stage.key });
    }
    expect(formatRoute({ kind: 'projects' })).toBe('#/');
  });
});

describe('stages', () => {
  test('form the lifecycle loop, in order', () => {
    expect(STAGES.map((s) => s.key)).toEqual(['plan', 'data', 'prepare', 'train', 'evaluate', 'ship', 'monitor']);
    expect(isStageKey('ship')).toBe(true);
    expect(isStageKey('deploy')).toBe(false);
  });

  test('light up from the plan and the row counts', () => {
    const none = { datasets: 0, recipes: 0, runs: 0, evaluations: 0, artifacts: 0, batches: 0 };
    expect(Object.values(stagesWithContent(false, none)).some(Boolean)).toBe(false);
    expect(stagesWithContent(true, { ...none, runs: 2 })).toEqual({
      plan: true, data: false, prepare: false, train: true, evaluate: false, ship: false, monitor: false,
    });
  });

  test('a stage not built yet never lights up, whatever its rows', () => {
    const all = { datasets: 1, recipes: 1, runs: 1, evaluations: 1, artifacts: 1, batches: 1 };
    const held = stagesWithContent(true, all);
    expect(STAGES.filter((s) => !s.built).length).toBeGreaterThan(0);
    for (const stage of STAGES) expect(held[stage.key], stage.key).toBe(stage.built);
  });
});

test('a message names the stages it sends the learner to, for links beside it', () => {
  expect(stagesNamed('Column "island" holds categories: add a one-hot or ordinal encoding step for it in Prepare, or drop it.')).toEqual(['prepare']);
  expect(stagesNamed('Choose the task type and the target column in Plan first. Then import a dataset in Data.')).toEqual(['plan', 'data']);
  // Only "in <Stage>": a word inside another, or a stage not built yet, sends nowhere.
  expect(stagesNamed('Prepared rows in Preparation; ship it in Ship.')).toEqual([]);
});

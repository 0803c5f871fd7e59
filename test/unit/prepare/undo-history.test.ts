/** Prepare's undo and redo stacks: what one undo step is, and what a failed or stale undo leaves. */
import { describe, expect, test } from 'vitest';
import { JOIN_MS, UndoHistory } from '../../../src/prepare/undo-history';

/** Recipes stand in as small objects: the history compares them as JSON, as it does recipes. */
const r = (n: number) => ({ n });

describe('a change', () => {
  test('leaves the recipe before it as the last undo step and clears redo', () => {
    const h = new UndoHistory<{ n: number }>();
    expect([h.canUndo, h.canRedo]).toEqual([false, false]);
    h.record(r(0), r(1));
    h.record(r(1), r(2));
    expect(h.next('undo')).toEqual(r(1));
    const one = h.next('undo')!;
    h.moved('undo', one, r(2));
    expect(h.stacks()).toEqual({ undo: [r(0)], redo: [r(2)] });
    h.record(r(1), r(3));
    expect(h.stacks()).toEqual({ undo: [r(0), r(1)], redo: [] });
  });

  test('keeps the last `limit` steps only', () => {
    const h = new UndoHistory<{ n: number }>(3);
    for (let n = 0; n < 5; n++) h.record(r(n), r(n + 1));
    expect(h.stacks().undo).toEqual([r(2), r(3), r(4)]);
  });
});

describe('changes of one key asked for close together', () => {
  test('are one undo step, back to before the first of them', () => {
    const h = new UndoHistory<{ n: number }>();
    h.record(r(0), r(1), { key: 'strategy', asked: 1000 });
    h.record(r(1), r(2), { key: 'strategy', asked: 1500 });
    h.record(r(2), r(3), { key: 'strategy', asked: 1500 + JOIN_MS - 1 });
    expect(h.stacks().undo).toEqual([r(0)]);
  });

  test('are steps of their own when too far apart, of another key, or with another change between', () => {
    const far = new UndoHistory<{ n: number }>();
    far.record(r(0), r(1), { key: 'k', asked: 0 });
    far.record(r(1), r(2), { key: 'k', asked: JOIN_MS });
    expect(far.stacks().undo).toEqual([r(0), r(1)]);

    const other = new UndoHistory<{ n: number }>();
    other.record(r(0), r(1), { key: 'a', asked: 0 });
    other.record(r(1), r(2), { key: 'b', asked: 1 });
    expect(other.stacks().undo).toEqual([r(0), r(1)]);

    const between = new UndoHistory<{ n: number }>();
    between.record(r(0), r(1), { key: 'k', asked: 0 });
    between.record(r(1), r(2));
    between.record(r(2), r(3), { key: 'k', asked: 2 });
    expect(between.stacks().undo).toEqual([r(0), r(1), r(2)]);
  });

  test('that walk back to where they started leave no undo step', () => {
    const h = new UndoHistory<{ n: number }>();
    h.record(r(9), r(0));
    h.record(r(0), r(1), { key: 'k', asked: 0 });
    h.record(r(1), r(0), { key: 'k', asked: 10 });
    expect(h.stacks().undo).toEqual([r(9)]);
  });

  test('join no more after an undo, a restore or new stacks', () => {
    const h = new UndoHistory<{ n: number }>();
    h.record(r(0), r(1), { key: 'k', asked: 0 });
    h.breakJoin();
    h.record(r(1), r(2), { key: 'k', asked: 1 });
    expect(h.stacks().undo).toEqual([r(0), r(1)]);
    h.takeUp({ undo: [r(5)], redo: [] });
    h.record(r(5), r(6), { key: 'k', asked: 2 });
    expect(h.stacks().undo).toEqual([r(5), r(5)]);
  });
});

describe('moving back and forth', () => {
  test('an undo not shown (its report failed) leaves both stacks as they were', () => {
    const h = new UndoHistory<{ n: number }>();
    h.record(r(0), r(1));
    expect(h.next('undo')).toEqual(r(0));
    // No `moved`: the step is still the one to go back to.
    expect(h.stacks()).toEqual({ undo: [r(0)], redo: [] });
    expect(h.next('redo')).toBeUndefined();
  });

  test('undo then redo comes back to the same recipe', () => {
    const h = new UndoHistory<{ n: number }>();
    h.record(r(0), r(1));
    const back = h.next('undo')!;
    h.moved('undo', back, r(1));
    const forward = h.next('redo')!;
    expect(forward).toEqual(r(1));
    h.moved('redo', forward, back);
    expect(h.stacks()).toEqual({ undo: [r(0)], redo: [] });
  });

  test('a move asked for before the stacks were replaced moves nothing', () => {
    const h = new UndoHistory<{ n: number }>();
    h.record(r(0), r(1));
    const target = h.next('undo')!;
    h.takeUp({ undo: [r(7)], redo: [] });
    h.moved('undo', target, r(1));
    expect(h.stacks()).toEqual({ undo: [r(7)], redo: [] });
  });

  test('takeUp and stacks copy: changing what was given or returned changes nothing kept', () => {
    const h = new UndoHistory<{ n: number }>();
    const given = [r(1)];
    h.takeUp({ undo: given, redo: [] });
    given.push(r(2));
    h.stacks().undo.push(r(3));
    expect(h.stacks().undo).toEqual([r(1)]);
  });
});

describe('memory', () => {
  test('the oldest undo steps go once both stacks hold more recipe JSON than the limit; the last step always stays', () => {
    const big = (n: number) => ({ n, edits: 'x'.repeat(90) });
    const size = JSON.stringify(big(0)).length;
    const h = new UndoHistory<{ n: number; edits: string }>(100, JOIN_MS, size * 3);
    for (let n = 0; n < 5; n++) h.record(big(n), big(n + 1));
    expect(h.stacks().undo.map((b) => b.n)).toEqual([2, 3, 4]);
    // Undone steps count too: redo keeps them, so the undo side gives way.
    h.moved('undo', h.next('undo')!, big(5));
    expect(h.stacks().undo.map((b) => b.n)).toEqual([2, 3]);
    expect(h.stacks().redo.map((b) => b.n)).toEqual([5]);
    const tiny = new UndoHistory<{ n: number; edits: string }>(100, JOIN_MS, 1);
    tiny.record(big(0), big(1));
    tiny.record(big(1), big(2));
    expect(tiny.stacks().undo.map((b) => b.n)).toEqual([1]);
  });
});

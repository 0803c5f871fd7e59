/**
 * Row lists applied lazily must give what copying the rows at once gives: the same values,
 * missing cells, row ids and flags, through any number of selections, with or without an
 * affine map, and without touching the frame they read.
 */
import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { dropOrFlag, takeRows, type Frame } from '../../../src/prepare/frame';
import { columnView, dropOrFlagView, materialize, materializeColumn, takeViewRows, viewAllPresent, viewMissingCount, viewOf, viewValid, withoutRows } from '../../../src/prepare/frame-view';
import { cells, col, frameOf, names, snapshot } from './tables';

function frame(seed: string, n = 300): Frame {
  const random = seedrandom(seed);
  const maybe = (f: () => string) => () => (random() < 0.15 ? '' : f());
  const column = (f: () => string) => Array.from({ length: n }, f);
  return frameOf(
    col('x', 'numeric', column(maybe(() => (random() * 20 - 10).toFixed(2)))),
    col('full', 'numeric', column(() => String(Math.floor(random() * 7) - 3))),
    col('colour', 'categorical', column(maybe(() => ['red', 'green', 'blue'][Math.floor(random() * 3)]!))),
    col('ok', 'boolean', column(maybe(() => (random() < 0.5 ? 'true' : 'false')))),
  );
}

/** Positions 0…n − 1 picked at random, increasing (or shuffled, repeats allowed, when `any`). */
function pick(seed: string, n: number, share: number, any = false): Uint32Array {
  const random = seedrandom(seed);
  if (any) return Uint32Array.from({ length: Math.round(n * share) }, () => Math.floor(random() * n));
  return Uint32Array.from({ length: n }, (_, i) => i).filter(() => random() < share);
}

const text = (f: Frame) => ({ names: names(f), cells: names(f).map((name) => cells(f, name)), rowIds: Array.from(f.rowIds), flagged: Array.from(f.flagged), rows: f.table.rowCount });

describe('row lists', () => {
  test('a chain of selections equals copying the rows at each step', () => {
    for (const seed of ['a', 'b', 'c']) {
      const start = frame(seed);
      const before = snapshot(start);
      const first = pick(`${seed}1`, 300, 0.7);
      const second = pick(`${seed}2`, first.length, 0.6);
      const third = pick(`${seed}3`, second.length, 0.5, true);
      const lazy = takeViewRows(takeViewRows(takeViewRows(viewOf(start), first), second), third);
      const eager = takeRows(takeRows(takeRows(start, first), second), third);
      expect(text(materialize(lazy))).toEqual(text(eager));
      expect(snapshot(start)).toBe(before);
    }
  });

  test('dropping or flagging marked rows equals dropOrFlag on copied frames', () => {
    const start = frame('d');
    const rows = pick('d1', 300, 0.8);
    const drop = Uint8Array.from({ length: rows.length }, (_, i) => (i % 7 === 0 ? 1 : 0));
    const view = takeViewRows(viewOf(start), rows);
    for (const mode of ['train', 'apply'] as const) {
      expect(text(materialize(dropOrFlagView(view, drop, mode)))).toEqual(text(dropOrFlag(takeRows(start, rows), drop, mode)));
    }
    expect(withoutRows(view, new Uint8Array(rows.length))).toBe(view); // nothing dropped: nothing made
  });

  test('an affine map reads as the scaled copy would hold it, missing slots 0', () => {
    const start = frame('e');
    const rows = pick('e1', 300, 0.5);
    const x = start.table.columns[0]!;
    const view = { ...takeViewRows(viewOf(start), rows).columns[0]!, affine: { center: 1.5, scale: 1 / 3 } };
    const column = materializeColumn(view, rows.length);
    rows.forEach((i, j) => {
      const present = (x.valid[i >> 3]! >> (i & 7)) & 1;
      expect(column.values[j]).toBe(present ? (x.values[i]! - 1.5) * (1 / 3) : 0);
      expect((column.valid[j >> 3]! >> (j & 7)) & 1).toBe(present);
    });
  });

  test('a whole column with nothing to gather is the column itself; presence is read through the rows', () => {
    const start = frame('f');
    const full = start.table.columns[1]!;
    expect(materializeColumn(columnView(full, 300), 300)).toBe(full);
    const x = columnView(start.table.columns[0]!, 300);
    const present = Uint32Array.from({ length: 300 }, (_, i) => i).filter((i) => cells(start, 'x')[i] !== '');
    expect(viewAllPresent(x, 300)).toBe(false);
    expect(viewAllPresent({ ...x, rows: present }, present.length)).toBe(true);
    expect(Array.from(viewValid({ ...x, rows: present }, present.length))).toEqual(Array.from(materializeColumn({ ...x, rows: present }, present.length).valid));
  });
});

test('missing counts of a view: over its rows only, through a row list or not, none for a complete column', () => {
  const x = col('x', 'numeric', ['1', '', '3', '', '5']);
  expect(viewMissingCount(columnView(x, 5), 5)).toBe(2);
  expect(viewMissingCount({ ...columnView(x, 5), rows: Uint32Array.of(0, 2, 3) }, 3)).toBe(1);
  expect(viewMissingCount({ ...columnView(col('y', 'numeric', ['1', '2']), 2), rows: Uint32Array.of(1) }, 1)).toBe(0);
});

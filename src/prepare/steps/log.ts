import * as v from 'valibot';
import { bitmapBytes, isValid, setValid } from '../../shared/column';
import { requireNumeric, withColumns } from '../frame';
import { moments, presentNumbers } from '../stats';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';
import { columnList, listNames } from './params';

export const logTransform = defineStep({
  kind: 'log',
  title: 'Log transform',
  explain: 'Takes the logarithm of skewed positive columns such as prices or counts, so a few huge values do not dominate. log(1 + x) also accepts zeros.',
  removesRows: false,
  params: v.object({ columns: columnList, plusOne: v.fallback(v.boolean(), true) }),
  columnsOf: (p) => p.columns,
  describe: (p) => `${p.plusOne ? 'log(1 + x)' : 'log(x)'} of ${listNames(p.columns)}`,
  learnedLines: () => [],
  fit: (p, train) => {
    for (const name of p.columns) {
      const { min, count } = moments(presentNumbers(requireNumeric(train, name), train.table.rowCount));
      const floor = p.plusOne ? -1 : 0;
      if (count > 0 && min <= floor) {
        throw new StepProblem(`Column "${name}" has values down to ${min} in the training rows; ${p.plusOne ? 'log(1 + x) needs values above -1' : 'log(x) needs values above 0'}.${p.plusOne ? '' : ' Try log(1 + x).'}`);
      }
    }
    return {};
  },
  transform: (p, _learned, frame) => {
    const n = frame.table.rowCount;
    // A copy in either mode: the frame's flags may be shared with the frame it came from.
    const flagged = frame.flagged.slice();
    const columns = p.columns.map((name) => {
      const column = requireNumeric(frame, name);
      const values = new Float64Array(n);
      const valid = new Uint8Array(bitmapBytes(n));
      for (let i = 0; i < n; i++) {
        if (!isValid(column.valid, i)) continue;
        const y = p.plusOne ? Math.log1p(column.values[i]!) : Math.log(column.values[i]!);
        if (Number.isFinite(y)) {
          values[i] = y;
          setValid(valid, i);
        } else flagged[i] = 1; // out of the log's domain: missing, and said so
      }
      return { ...column, values, valid };
    });
    return { ...withColumns(frame, columns), flagged };
  },
});

import * as v from 'valibot';
import { bitmapBytes, isValid, setValid } from '../../shared/column';
import { withColumns } from '../frame';
import { labelList } from '../learned-lines';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';
import { codeToIndex, labelsByFrequency, requireLabels } from './encode-labels';
import { columnName } from './params';
import { rangeOrder } from './range-order';

export const ordinal = defineStep({
  kind: 'ordinal',
  title: 'Ordinal encode',
  explain: 'Turns a label column into numbers 0, 1, 2… in an order you give (small < medium < large), or alphabetical (ranges from binning in their order). Values never seen in training become missing, and their rows are flagged.',
  removesRows: false,
  params: v.object({ column: columnName, order: v.fallback(v.array(v.string()), []) }),
  columnsOf: (p) => [p.column],
  describe: (p) => `Ordinal encode "${p.column}"${p.order.length ? ` as ${p.order.join(' < ')}` : ''}`,
  learnedLines: (p, learned: { categories: string[] }) => [{ column: p.column, learned: `${labelList(learned.categories)} become 0 to ${learned.categories.length - 1}, in this order` }],
  fit: (p, train) => {
    const seen = labelsByFrequency(requireLabels(train, p.column), train.table.rowCount).map((l) => l.label);
    if (p.order.length === 0) return { categories: rangeOrder(seen) ?? seen.sort() };
    const missing = seen.filter((l) => !p.order.includes(l));
    if (missing.length) throw new StepProblem(`The order does not place ${missing.slice(0, 5).map((l) => `"${l}"`).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}, seen in "${p.column}".`);
    return { categories: [...p.order] };
  },
  transform: (p, learned, frame) => {
    const n = frame.table.rowCount;
    const source = requireLabels(frame, p.column);
    const index = codeToIndex(source, learned.categories);
    const values = new Float64Array(n);
    const valid = new Uint8Array(bitmapBytes(n));
    // A copy only when a value was never seen in training: it becomes missing, and said so.
    let flagged: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      if (!isValid(source.valid, i)) continue;
      const k = index[source.values[i]!]!;
      if (k >= 0) {
        values[i] = k;
        setValid(valid, i);
      } else (flagged ??= frame.flagged.slice())[i] = 1;
    }
    const out = withColumns(frame, [{ name: p.column, kind: 'numeric', values, valid }]);
    return flagged ? { ...out, flagged } : out;
  },
});

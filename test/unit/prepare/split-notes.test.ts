import { expect, test } from 'vitest';
import { binaryPlanNote, datedRowsNote, groupChoiceText, repeatedIdColumn, repeatedIdNote, untrainedClassesNote } from '../../../src/prepare/split-notes';

const part = (name: string, counts: Record<string, number>) => ({ part: name, classes: Object.entries(counts).map(([label, count]) => ({ label, count })) });

test('classes held out but never trained on are named, with where their rows are; none, or none held out, says nothing', () => {
  const parts = [part('train', { A: 0, B: 12, C: 1, D: 0 }), part('validation', { A: 3, B: 3, C: 0, D: 1 }), part('test', { A: 20, B: 2, C: 0, D: 0 })];
  expect(untrainedClassesNote(parts)).toBe(
    'Classes "A" (3 validation rows, 20 test rows), "D" (1 validation row) have no training rows: a model cannot learn them, and Train and Evaluate leave those rows out of the figures. Try another seed, or a split that keeps every class in training.',
  );
  expect(untrainedClassesNote([part('train', { A: 0, B: 1 }), part('validation', { A: 0, B: 1 }), part('test', { A: 0, B: 1 })])).toBeNull();
  expect(untrainedClassesNote([part('train', { A: 2 }), part('validation', { A: 1 }), part('test', { A: 1 })])).toBeNull();
  // No classes (a regression target): nothing to say.
  expect(untrainedClassesNote([{ part: 'train', classes: null }])).toBeNull();
});

test('a binary plan whose target has more than two classes says so, naming at most five of them', () => {
  expect(binaryPlanNote(['a', 'b'])).toBeNull();
  expect(binaryPlanNote(['benign', 'malignant', 'unsure'])).toBe(
    'The plan says the task is binary, but the target has 3 classes ("benign", "malignant", "unsure"): the model is fitted for 3 classes, and Evaluate has no decision threshold for it. Merge classes with a relabel, or set the task type to multiclass in Plan.',
  );
  expect(binaryPlanNote(['1', '2', '3', '4', '5', '6', '7'])).toMatch(/has 7 classes \("1", "2", "3", "4", "5", …\)/);
});

test('the grouped split lists a label column with how many values it has, a number column by its name', () => {
  expect(groupChoiceText({ name: 'patient', dictionarySize: 1200 })).toBe('patient (1,200 values)');
  expect(groupChoiceText({ name: 'site', dictionarySize: 1 })).toBe('site (1 value)');
  expect(groupChoiceText({ name: 'id' })).toBe('id');
});

test('a shuffled split of dated rows names the first date column and the ordered split; other splits, and undated rows, get nothing', () => {
  const columns = [{ name: 'id', kind: 'identifier' }, { name: 'ordered_on', kind: 'datetime' }, { name: 'shipped_on', kind: 'datetime' }];
  for (const strategy of ['random', 'stratified']) {
    expect(datedRowsNote(strategy, columns)).toBe(
      'The rows have dates ("ordered_on"). If the model will predict rows later than those it learns from, choose "Ordered by date": shuffled, the test rows fall among the training rows’ dates, and score better than the future will.',
    );
  }
  expect(datedRowsNote('ordered', columns)).toBeNull();
  expect(datedRowsNote('grouped', columns)).toBeNull();
  expect(datedRowsNote('random', [{ name: 'x', kind: 'numeric' }])).toBeNull();
});

test('a shuffled split of rows sharing an id (a patient’s visits) names the column, and a grouped split takes the hint', () => {
  const label = (name: string, values: number, missing = 0) => ({ name, kind: 'categorical', missing, dictionarySize: values });
  const columns = [label('clinic', 3), { name: 'age', kind: 'numeric', missing: 0 }, label('patient_id', 120)];
  for (const strategy of ['random', 'stratified']) expect(repeatedIdColumn(strategy, columns, 459, 'readmitted')).toEqual({ name: 'patient_id', values: 120 });
  expect(repeatedIdNote({ name: 'patient_id', values: 120 }, 459)).toBe(
    'Rows share values of "patient_id" (120 values over 459 rows). If the rows of one value belong together (one patient, one customer), a shuffled split puts some of them in training and others in validation and test, and the scores flatter the model on new ones: keep them together with a grouped split.',
  );
  expect(repeatedIdColumn('grouped', columns, 459, null)).toBeNull();
  expect(repeatedIdColumn('ordered', columns, 459, null)).toBeNull();
  // An id in every row (no repeats, the gaps aside) is a row's own, not a group's.
  expect(repeatedIdColumn('random', [label('order_id', 450, 9)], 459, null)).toBeNull();
  expect(repeatedIdColumn('random', [label('patient_id', 120)], 459, 'patient_id')).toBeNull();
  // The name reads as an id: a word "id" at its end, or camel case; not a word that ends in "id".
  for (const name of ['customerId', 'User ID', 'ID', 'store-id', 'accountID']) expect(repeatedIdColumn('random', [label(name, 50)], 459, null)?.name).toBe(name);
  for (const name of ['paid', 'valid', 'PAID', 'fluid']) expect(repeatedIdColumn('random', [label(name, 50)], 459, null)).toBeNull();
});

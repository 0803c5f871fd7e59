/** Evaluate on classification runs: the metrics against the stored predictions, the criteria and threshold, importance, cross-validation and the label errors it finds. Regression runs: evaluate-regression.e2e.ts. */
import { expect, test } from 'vitest';
import { addCriterion, addScaleStep, editCell, prepareIdle, projectWithFile, projectWithSample, shownOrAlerts, storedPredictions, trainBaseline, trainOnce } from './flows';
import { storedRows } from './stored';
import { startBrowser } from './harness';
import { LONG_TEST_MS, SLOW_WORK_MS } from './timeouts';
import { tempFile } from './temp-file';

test('a run on a multiclass sample is evaluated: accuracy and macro F1 agree with the stored predictions', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithSample(page, 'Iris evaluation', /^Open sample Iris/, 'multiclass', 'species');
  await addScaleStep(page, ['species']);
  // Fixed seeds (a new project's are random): the same 23 validation rows and the same model every time, as the importance ranking checked below hangs on them.
  await prepareIdle(page);
  await page.getByLabel('Seed', { exact: true }).first().fill('1');
  await page.getByRole('button', { name: 'Use this seed' }).click();
  await prepareIdle(page);
  await trainOnce(page, 'Logistic regression', 0.05, 40, 1);

  await page.getByTestId('stage-link-evaluate').click();
  const accuracy = Number(await page.getByTestId('metric-accuracy').textContent());
  const f1 = Number(await page.getByTestId('metric-f1-macro').textContent());

  // Recomputed here, independently of the app's metric code, from the predictions it stored.
  const stored = await storedPredictions(page, 'validation');
  const k = stored.classes!.length;
  const predicted = stored.yTrue.map((_, i) => {
    const p = stored.predictions.slice(i * k, (i + 1) * k);
    return p.indexOf(Math.max(...p));
  });
  const truth = stored.yTrue;
  const f1s = Array.from({ length: k }, (_, c) => {
    const tp = truth.filter((t, i) => t === c && predicted[i] === c).length;
    const fp = truth.filter((t, i) => t !== c && predicted[i] === c).length;
    const fn = truth.filter((t, i) => t === c && predicted[i] !== c).length;
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
  const expected = { accuracy: truth.filter((t, i) => t === predicted[i]).length / truth.length, f1: f1s.reduce((a, b) => a + b, 0) / k, rows: truth.length };
  expect(expected.rows).toBeGreaterThan(10);
  expect(accuracy).toBeCloseTo(expected.accuracy, 5);
  expect(f1).toBeCloseTo(expected.f1, 5);
  expect(accuracy).toBeGreaterThan(Number(await page.getByTestId('baseline-accuracy').textContent()));
  await page.locator('[data-testid="confusion-matrix"] .main-svg').first().waitFor();
  // The overlaid probability histograms in words: per class, the bin that holds the median probability on its own rows.
  const medians = page.getByTestId('probability-medians').locator('tbody tr');
  expect(await medians.count()).toBe(k);
  const own = truth.flatMap((t, i) => (t === 0 ? [stored.predictions[i * k]!] : [])).sort((a, b) => a - b);
  const median = (own[Math.floor((own.length - 1) / 2)]! + own[Math.ceil((own.length - 1) / 2)]!) / 2;
  const [low, high] = ((await medians.first().locator('td').first().textContent())!.match(/^between ([\d.]+) and ([\d.]+) \(/) ?? []).slice(1).map(Number);
  expect(median).toBeGreaterThanOrEqual(low!);
  expect(median).toBeLessThanOrEqual(high!);
  // The test part has its own figures, computed in the worker: until they come none show (the validation part's never stand under the test part's heading).
  await page.getByLabel('Test', { exact: true }).check();
  const onTest = await storedPredictions(page, 'test');
  const testAccuracy = onTest.yTrue.filter((t, i) => {
    const p = onTest.predictions.slice(i * k, (i + 1) * k);
    return p.indexOf(Math.max(...p)) === t;
  }).length / onTest.yTrue.length;
  await expect.poll(async () => Number(await page.getByTestId('metric-accuracy').textContent())).toBeCloseTo(testAccuracy, 5);
  expect(await page.getByTestId('metric-log-loss').textContent()).toMatch(/^\d+(\.\d+)?(e-?\d+)?$/);

  // 5-fold cross-validation: five fold rows, their mean and spread, a box plot; stored with the run.
  await page.getByLabel('Folds', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Cross-validate' }).click();
  await page.getByTestId('cv-mean-accuracy').waitFor({ timeout: SLOW_WORK_MS });
  expect(await page.getByTestId('cv-fold').count()).toBe(5);
  // The button was off while the folds ran, and Cancel is gone: focus is back on the button, not on <body>.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Cross-validate');
  const foldAccuracies = await page.getByTestId('cv-fold').evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll('td')[1]!.textContent)));
  // The mean and std are kept exact (data-value) and shown to the spread's precision: the std to two significant digits, the mean to its decimal place.
  const exact = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
  const [meanAccuracy, stdAccuracy] = [await exact('cv-mean-accuracy'), await exact('cv-std-accuracy')];
  expect(meanAccuracy).toBeCloseTo(foldAccuracies.reduce((a, b) => a + b, 0) / 5, 4);
  if (stdAccuracy > 0) {
    const decimals = 1 - Math.floor(Math.log10(stdAccuracy));
    expect(await page.getByTestId('cv-std-accuracy').textContent()).toBe(stdAccuracy.toFixed(decimals));
    expect(await page.getByTestId('cv-mean-accuracy').textContent()).toBe(meanAccuracy.toFixed(decimals));
  }
  // The folds are dealt over the training and validation rows only: 150 rows less the test part's, within a row of each other.
  const heldOut = await page.getByTestId('cv-fold').evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll('td')[0]!.textContent)));
  const testRows = (await storedPredictions(page, 'test')).yTrue.length;
  expect(heldOut.reduce((a, b) => a + b, 0)).toBe(150 - testRows);
  expect(Math.max(...heldOut) - Math.min(...heldOut)).toBeLessThanOrEqual(1);
  expect(stdAccuracy).toBeGreaterThanOrEqual(0);
  expect(meanAccuracy).toBeGreaterThan(0.8);
  await page.locator('[data-testid="cv-box"] .main-svg').first().waitFor();
  await page.reload();
  await page.getByTestId('cv-mean-accuracy').waitFor();

  // Permutation importance: one row per feature, the petal measurements first (they separate the species).
  await page.getByRole('button', { name: 'Measure feature importance' }).click();
  await page.locator('[data-testid="importance-chart"] .main-svg').first().waitFor({ timeout: SLOW_WORK_MS });
  const features = await page.getByTestId('importance-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-feature')));
  expect(features).toHaveLength(4);
  expect(features.slice(0, 2).every((f) => f!.startsWith('petal_'))).toBe(true);
  // Rows that drop accuracy as much are ranked by the rise in log loss.
  const ranked = await page.getByTestId('importance-row').evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-mean')), Number(r.getAttribute('data-loss-rise'))] as const));
  for (let i = 1; i < ranked.length; i++) {
    expect(ranked[i]![0]).toBeLessThanOrEqual(ranked[i - 1]![0]);
    if (ranked[i]![0] === ranked[i - 1]![0]) expect(ranked[i]![1]).toBeLessThanOrEqual(ranked[i - 1]![1]);
  }
  expect(ranked[0]![1]).toBeGreaterThan(0);
  // How far a drop can be read: one of the 23 validation rows is 0.043 of accuracy.
  expect(await page.getByTestId('importance-reading').textContent()).toMatch(/^On 23 validation rows one row is 0\.043 of accuracy: a smaller drop can be a single row’s luck\./);
  await page.waitForFunction(() => document.activeElement?.textContent === 'Measure feature importance');
}, LONG_TEST_MS);

test('a binary run: the plan’s criterion is checked, and the decision threshold moves precision and recall', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithSample(page, 'Cancer evaluation', /^Open sample Breast cancer/, 'binary', 'diagnosis');
  await page.getByTestId('stage-link-plan').click();
  await addCriterion(page, 'accuracy', '0.8');
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  await addScaleStep(page, ['diagnosis']);
  await trainOnce(page, 'Logistic regression', 0.05, 20);

  await page.getByTestId('stage-link-evaluate').click();
  const check = page.getByTestId('criterion-check');
  await check.waitFor();
  expect(await check.getAttribute('data-outcome')).toBe('met');
  expect(await check.textContent()).toContain(`Accuracy ≥ 0.8: measured ${await page.getByTestId('metric-accuracy').textContent()}`);
  expect(await page.getByTestId('overfitting').getAttribute('data-flagged')).toBe('false');

  await page.getByRole('slider', { name: 'Decision threshold' }).fill('0.9');
  await page.locator('[data-testid="threshold-value"]', { hasText: '0.90' }).waitFor();
  const stored = await storedPredictions(page, 'validation');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  stored.yTrue.forEach((y, i) => {
    const positive = stored.predictions[i * 2 + 1]! >= 0.9;
    if (positive && y === 1) tp++;
    else if (positive) fp++;
    else if (y === 1) fn++;
  });
  const expected = { precision: tp + fp ? tp / (tp + fp) : 0, recall: tp / (tp + fn) };
  expect(Number(await page.getByTestId('threshold-precision').textContent())).toBeCloseTo(expected.precision, 5);
  expect(Number(await page.getByTestId('threshold-recall').textContent())).toBeCloseTo(expected.recall, 5);
  await page.locator('[data-testid="roc-curve"] .main-svg').first().waitFor();
  // The curve and the diagonal of guessing it must rise above (Plotly may draw the traces a moment after its frame).
  await expect.poll(() => page.locator('[data-testid="roc-curve"] .scatterlayer .trace').count()).toBe(2);

  // A baseline run beside it: the comparison marks the logistic regression best on the criterion's metric.
  await trainBaseline(page, 'Run 2');
  await page.getByTestId('stage-link-evaluate').click();
  await page.getByTestId('compare-runs').waitFor();
  expect(await page.getByTestId('compare-line').count()).toBe(2);
  expect(await page.locator('[data-testid="compare-line"][data-run="Run 1"]').getAttribute('data-best')).toBe('true');
  expect(await page.locator('[data-testid="compare-line"][data-run="Run 2"]').getAttribute('data-best')).toBe('false');
  // Both were scored on the same validation rows: nothing to warn of.
  expect(await page.getByTestId('compare-rows-note').count()).toBe(0);

  // Another seed deals other validation rows: a run trained on them is marked, and the comparison warns.
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  await page.getByLabel('Seed', { exact: true }).first().fill('12345');
  await page.getByRole('button', { name: 'Use this seed' }).click();
  await prepareIdle(page);
  await trainBaseline(page, 'Run 3');
  await page.getByTestId('stage-link-evaluate').click();
  await page.getByTestId('compare-rows-note').waitFor();
  expect(await page.locator('[data-testid="compare-line"][data-run="Run 3"] [data-testid="compare-other-rows"]').textContent()).toMatch(/^Scored on \d+ other validation rows than most runs\.$/);
  expect(await page.locator('[data-testid="compare-line"][data-run="Run 1"] [data-testid="compare-other-rows"]').count()).toBe(0);

  // A relabel that makes a third class: Prepare and Train say the binary plan now has three.
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  const labels = page.getByTestId('labels-panel');
  await labels.getByLabel('Set', { exact: true }).selectOption('diagnosis');
  await labels.getByLabel('to', { exact: true }).fill('unsure');
  await labels.getByLabel('where', { exact: true }).selectOption('mean_radius');
  await labels.getByLabel('Comparison', { exact: true }).selectOption('>');
  await labels.getByLabel('Compared with', { exact: true }).fill('20');
  await labels.getByRole('button', { name: 'Relabel matching rows' }).click();
  const binaryNote = /^The plan says the task is binary, but the target has 3 classes \(.*"unsure".*\): the model is fitted for 3 classes/;
  await page.getByTestId('split-binary-note').filter({ hasText: binaryNote }).waitFor();
  await trainBaseline(page, 'Run 4');
  await page.getByTestId('train-result-note').filter({ hasText: binaryNote }).waitFor();
}, LONG_TEST_MS);

test('wrong labels show up as likely label errors after cross-validation, and can be relabelled in Prepare', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithSample(page, 'Iris labels', /^Open sample Iris/, 'multiclass', 'species');
  await addScaleStep(page, ['species']);
  // Fixed seeds, so the split and the training are the same on every machine.
  await page.getByLabel('Seed', { exact: true }).first().fill('7');
  await page.getByRole('button', { name: 'Use this seed' }).click();
  await prepareIdle(page);
  // Two setosa flowers (rows 1 and 2) labelled virginica by mistake.
  for (const row of [1, 2]) {
    await editCell(page, row, 'species', 'virginica');
    await prepareIdle(page);
  }
  await page.locator(`[data-testid="labels-table"] tr[data-row="1"] td`, { hasText: 'virginica' }).waitFor();
  await page.getByTestId('stage-link-train').click();
  await page.getByLabel('Seed', { exact: true }).fill('1');
  await trainOnce(page, 'Logistic regression', 0.05, 40);
  // The run keeps the recipe it was trained with (its two edits among it): cross-validation and importance refit that one, however the recipe changes later.
  const [run] = await storedRows<{ recipe: { steps: { kind: string; params: { edits: unknown[] } }[] } }>(page, 'runs');
  expect(run!.recipe.steps.map((s) => s.kind)).toEqual(['edit-cells', 'scale']);
  expect(run!.recipe.steps[0]!.params.edits).toHaveLength(2);

  await page.getByTestId('stage-link-evaluate').click();
  await page.getByRole('button', { name: 'Cross-validate' }).click();
  const flagged = page.getByTestId('label-errors-row');
  // Once timed out in CI with no row: whether the folds ended with none flagged, or never ended, is said.
  await shownOrAlerts(page, page.getByTestId('cv-table').or(page.getByTestId('cv-problem')), 'Cross-validation did not end', SLOW_WORK_MS);
  await shownOrAlerts(page, flagged.first().or(page.getByTestId('label-errors-empty')), 'The folds ended, but no list of label errors came');
  expect(await page.getByTestId('label-errors-empty').count()).toBe(0);
  const rows = await flagged.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-row'))));
  expect(rows.some((r) => r === 0 || r === 1)).toBe(true);
  const first = rows.find((r) => r === 0 || r === 1)!;
  const line = page.locator(`[data-testid="label-errors-row"][data-row="${first}"]`);
  expect(await line.locator('td').first().textContent()).toBe('virginica');
  // Shown with its values as imported: the file's own label, setosa, is in the row.
  await line.locator('td', { hasText: 'setosa' }).first().waitFor();
  await line.getByRole('button', { name: 'Relabel as setosa' }).click();
  await line.getByText('relabelled in Prepare').waitFor();
  // The page says its figures stay the run's until a new run is trained.
  expect(await page.getByTestId('label-errors-notice').textContent()).toMatch(/^Relabelled in Prepare\. The figures on this page stay those of this run/);
  // The button gave way to the note, which takes the focus.
  await page.waitForFunction(() => document.activeElement?.textContent === 'relabelled in Prepare');

  await page.getByTestId('stage-link-prepare').click();
  await page.locator(`[data-testid="labels-table"] tr[data-row="${first}"] td`, { hasText: 'setosa' }).first().waitFor();
  await page.locator(`[data-testid="labels-table"] tr[data-row="${first === 0 ? 1 : 0}"] td`, { hasText: 'virginica' }).waitFor();
}, LONG_TEST_MS);

test('rows without a target: Train and Evaluate say how many were left out; cross-validation leaves them out before the folds, and says which fold held a class it never trained on', async () => {
  // 40 rows of x = 0, 1.3, 2.6 …: a in the first 20, b after; three without a class, and one single "c".
  const lines = ['x,y'];
  for (let i = 0; i < 40; i++) lines.push(`${(i * 1.3).toFixed(1)},${i === 5 || i === 17 || i === 30 ? '' : i === 38 ? 'c' : i < 20 ? 'a' : 'b'}`);
  const file = tempFile('cv-rows.csv', lines.join('\n') + '\n');
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithFile(page, 'Folds and targets', file, 'multiclass', 'y');
  // No test part, so every row with a class takes part in the folds.
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  await page.getByLabel('Train %', { exact: true }).fill('80');
  await page.getByLabel('Validation %', { exact: true }).fill('20');
  await page.getByLabel('Test %', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Apply fractions' }).click();
  await prepareIdle(page);
  await trainOnce(page, 'Logistic regression', 0.05, 5);
  // Train says how many rows had no target, part by part: the three, between training and validation.
  const said = (await page.getByTestId('train-result-note').allTextContents()).join(' ');
  const noTarget = (part: string, text: string) => Number(new RegExp(`(\\d+) ${part} rows? (?:has|have) no target value`).exec(text)?.[1] ?? 0);
  const [inTraining, inValidation] = [noTarget('training', said), noTarget('validation', said)];
  expect(inTraining + inValidation).toBe(3);

  await page.getByTestId('stage-link-evaluate').click();
  // Evaluate says so beside the validation figures, which leave those rows out.
  if (inValidation > 0) expect(await page.getByTestId('evaluate-left-out').textContent()).toContain(`no target value, so ${inValidation === 1 ? 'it is' : 'they are'} left out of the validation figures.`);
  await page.getByLabel('Folds', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Cross-validate' }).click();
  await page.getByTestId('cv-mean-accuracy').waitFor({ timeout: SLOW_WORK_MS });
  const notes = await page.getByTestId('cv-note').allTextContents();
  expect(notes).toContain('3 training and validation rows have no target value: they were left out before the folds were formed, so every fold is scored on rows that have one.');
  // The single c row is held out once, by a fold that never trained on it: it counts, as a wrong prediction.
  const unseen = notes.filter((n) => /^Fold [1-5]: 1 held-out row has a class \("c"\) that the fold’s training rows never had\. .* counts as a wrong prediction/.test(n));
  expect(unseen).toHaveLength(1);
  const heldOut = await page.getByTestId('cv-fold').evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll('td')[0]!.textContent)));
  expect(heldOut.reduce((a, b) => a + b, 0)).toBe(37);
  expect(Math.max(...heldOut) - Math.min(...heldOut)).toBeLessThanOrEqual(1);
  expect(await page.getByTestId('cv-mean-accuracy').textContent()).toMatch(/^0?\.\d+$|^1$/);
}, LONG_TEST_MS);

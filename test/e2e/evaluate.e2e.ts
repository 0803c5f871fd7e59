import { expect, test } from 'vitest';
import { projectWithSample } from './flows';
import { startBrowser } from './harness';

test('a run on a multiclass sample is evaluated: accuracy and macro F1 agree with the stored predictions', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithSample(page, 'Iris evaluation', /^Open sample Iris/, 'multiclass', 'species');
  await page.getByTestId('stage-link-prepare').click();
  await page.getByLabel('Step', { exact: true }).selectOption({ label: 'Scale numbers' });
  await page.getByLabel('Columns to scale', { exact: true }).selectOption(['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm']);
  await page.getByRole('button', { name: 'Add step' }).click();
  await page.locator('[data-testid="pipeline-step"][data-state="fitted"]').waitFor();
  await page.getByTestId('stage-link-train').click();
  await page.getByLabel('Logistic regression', { exact: true }).check();
  await page.getByLabel('Learning rate', { exact: true }).fill('0.05');
  await page.getByLabel('Epochs', { exact: true }).fill('40');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.locator('[data-testid="train-result"][data-status]').waitFor({ timeout: 60_000 });

  await page.getByTestId('stage-link-evaluate').click();
  const accuracy = Number(await page.getByTestId('metric-accuracy').textContent());
  const f1 = Number(await page.getByTestId('metric-f1-macro').textContent());

  // Recomputed here, independently of the app's metric code, from the predictions it stored.
  const expected = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('looplab');
      r.onsuccess = () => resolve(r.result);
    });
    const rows = await new Promise<{ part: string; yTrue: Float32Array; predictions: Float32Array; classes: string[] }[]>((resolve) => {
      const q = db.transaction('evaluations').objectStore('evaluations').getAll();
      q.onsuccess = () => resolve(q.result);
    });
    db.close();
    const e = rows.find((r) => r.part === 'validation')!;
    const k = e.classes.length;
    const predicted = Array.from(e.yTrue, (_, i) => {
      const p = Array.from(e.predictions.subarray(i * k, (i + 1) * k));
      return p.indexOf(Math.max(...p));
    });
    const truth = Array.from(e.yTrue);
    const correct = truth.filter((t, i) => t === predicted[i]).length;
    const f1s = Array.from({ length: k }, (_, c) => {
      const tp = truth.filter((t, i) => t === c && predicted[i] === c).length;
      const fp = truth.filter((t, i) => t !== c && predicted[i] === c).length;
      const fn = truth.filter((t, i) => t === c && predicted[i] !== c).length;
      return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
    });
    return { accuracy: correct / truth.length, f1: f1s.reduce((a, b) => a + b, 0) / k, rows: truth.length };
  });
  expect(expected.rows).toBeGreaterThan(10);
  expect(accuracy).toBeCloseTo(expected.accuracy, 5);
  expect(f1).toBeCloseTo(expected.f1, 5);
  expect(accuracy).toBeGreaterThan(Number(await page.getByTestId('baseline-accuracy').textContent()));
  await page.locator('[data-testid="confusion-matrix"] .main-svg').first().waitFor();
  // The test part has its own figures.
  await page.getByLabel('Test', { exact: true }).check();
  await page.getByTestId('metric-accuracy').waitFor();
  expect(await page.getByTestId('metric-log-loss').textContent()).toMatch(/^\d+(\.\d+)?(e-?\d+)?$/);
});

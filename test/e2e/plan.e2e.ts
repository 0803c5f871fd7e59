import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, startBrowser } from './harness';

async function createProject(page: Page, name: string): Promise<string> {
  await page.goto(baseUrl() + '#/');
  await page.getByLabel('New project name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL(/#\/project\/[0-9a-f]{32}\/plan$/);
  return new URL(page.url()).hash.split('/')[2]!;
}

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

async function expectPlan(page: Page): Promise<void> {
  expect(await page.getByLabel('Problem statement', { exact: true }).inputValue()).toBe('Which iris species is this flower?');
  expect(await page.getByLabel('Business objective', { exact: true }).inputValue()).toBe('Sort flowers without a botanist.');
  expect(await page.getByLabel('Task type', { exact: true }).inputValue()).toBe('multiclass');
  expect(await page.getByLabel('Target column', { exact: true }).inputValue()).toBe('species');
  expect(await page.getByLabel('Candidate features', { exact: true }).inputValue()).toBe('sepal_length, petal_width');
  expect(await page.getByTestId('criterion').count()).toBe(2);
  expect(await page.getByLabel('Metric of criterion 1', { exact: true }).inputValue()).toBe('f1-macro');
  expect(await page.getByLabel('Comparison of criterion 1', { exact: true }).inputValue()).toBe('>=');
  expect(await page.getByLabel('Threshold of criterion 1', { exact: true }).inputValue()).toBe('0.85');
  expect(await page.getByLabel('Metric of criterion 2', { exact: true }).inputValue()).toBe('accuracy');
  expect(await page.getByLabel('Comparison of criterion 2', { exact: true }).inputValue()).toBe('>');
  expect(await page.getByLabel('Threshold of criterion 2', { exact: true }).inputValue()).toBe('0.9');
  expect(await page.getByLabel('Is there enough labelled data?', { exact: true }).inputValue()).toBe('yes');
  expect(await page.getByLabel('Note on: Is there enough labelled data?', { exact: true }).inputValue()).toBe('150 rows, 50 per class');
  expect(await page.getByLabel('Does the data contain personal information?', { exact: true }).inputValue()).toBe('no');
  expect(await page.getByLabel('Risks', { exact: true }).inputValue()).toBe('A rare species is confused with a common one.');
}

test('a filled plan autosaves and survives a reload and a browser restart', async () => {
  const first = await startBrowser();
  const page = await first.newPage();
  await page.goto(baseUrl());
  await page.getByTestId('no-projects').waitFor();
  const id = await createProject(page, 'Iris species');
  expect(await page.getByTestId('stage-link-plan').getAttribute('data-has-content')).toBe('false');

  await page.getByLabel('Problem statement', { exact: true }).fill('Which iris species is this flower?');
  // Autosave shows its state while typing pauses and then confirms the write.
  expect(['pending', 'saving', 'saved']).toContain(await page.getByTestId('save-status').getAttribute('data-state'));
  // For the eye only: in a live region, each save cycle would be read aloud while the learner types (a failure is an alert).
  expect(await page.getByTestId('save-status').evaluate((el) => el.closest('[role="status"], [aria-live], [role="alert"]') === null)).toBe(true);
  await page.getByLabel('Business objective', { exact: true }).fill('Sort flowers without a botanist.');
  await page.getByLabel('Task type', { exact: true }).selectOption('multiclass');
  await page.getByLabel('Target column', { exact: true }).fill('species');
  await page.getByLabel('Candidate features', { exact: true }).fill('sepal_length, petal_width');
  expect(await page.getByTestId('feature-count').textContent()).toBe('2 features:');

  await page.getByRole('button', { name: 'Add a success criterion' }).click();
  await page.getByLabel('Metric of criterion 1', { exact: true }).selectOption('f1-macro');
  await page.getByLabel('Threshold of criterion 1', { exact: true }).fill('0.85');
  await page.getByRole('button', { name: 'Add a success criterion' }).click();
  await page.getByLabel('Metric of criterion 2', { exact: true }).selectOption('accuracy');
  await page.getByLabel('Comparison of criterion 2', { exact: true }).selectOption('>');
  await page.getByLabel('Threshold of criterion 2', { exact: true }).fill('0,9'); // a decimal comma is understood
  await page.getByLabel('Is there enough labelled data?', { exact: true }).selectOption('yes');
  await page.getByLabel('Note on: Is there enough labelled data?', { exact: true }).fill('150 rows, 50 per class');
  await page.getByLabel('Does the data contain personal information?', { exact: true }).selectOption('no');
  await page.getByLabel('Risks', { exact: true }).fill('A rare species is confused with a common one.');
  await waitSaved(page);
  await page.locator('[data-testid="stage-link-plan"][data-has-content="true"]').waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);

  await page.reload();
  await page.getByLabel('Problem statement', { exact: true }).waitFor();
  // The comma was stored as a number; after a reload it reads back in its plain form.
  await expectPlan(page);
  // A picture of the page for people: CI keeps it under test/results, `npm run screenshot` refreshes the README's.
  const picture = process.env.LOOPLAB_README_SCREENSHOT ? 'test/e2e/screenshots/plan-stage.png' : 'test/results/plan-stage.png';
  mkdirSync(dirname(picture), { recursive: true });
  await page.screenshot({ path: picture });

  // Close the browser and start it again on the same profile: the project is still there.
  await first.close();
  const second = await startBrowser({ userDataDir: first.userDataDir });
  const again = await second.newPage();
  await again.goto(baseUrl() + '#/');
  await again.getByTestId('project-link').filter({ hasText: 'Iris species' }).click();
  await again.waitForURL(new RegExp(`#/project/${id}/plan$`));
  await again.getByLabel('Problem statement', { exact: true }).waitFor();
  await expectPlan(again);
});

test('projects can be renamed, duplicated and deleted, with a confirmation', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await createProject(page, 'Alpha');
  await page.getByLabel('Problem statement', { exact: true }).fill('Predict house prices.');
  await waitSaved(page);
  await page.getByRole('link', { name: 'All projects', exact: true }).click();

  await page.getByRole('button', { name: 'Rename Alpha' }).click();
  await page.getByLabel('New name for Alpha', { exact: true }).fill('   ');
  await page.getByRole('button', { name: 'Save name' }).click();
  expect(await page.getByRole('alert').textContent()).toContain('A project needs a name.');
  await page.getByLabel('New name for Alpha', { exact: true }).fill('Beta');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByTestId('project-link').filter({ hasText: /^Beta$/ }).waitFor();

  // A second click while the copy is being made makes no second copy. Both clicks are given in one task of
  // the page, so the second surely comes while the copy is being made: on a busy machine the second click of
  // a double click sent from here can arrive after the copy is made (and then rightly makes another).
  await page.getByRole('button', { name: 'Duplicate Beta' }).evaluate((button: HTMLElement) => {
    button.click();
    button.click();
  });
  await page.getByTestId('project-link').filter({ hasText: 'Beta (copy)' }).waitFor();
  await page.getByTestId('duplicate-project').first().filter({ hasText: /^Duplicate$/ }).waitFor();
  expect(await page.getByTestId('project-item').count()).toBe(2);
  // The copy carries the plan.
  await page.getByTestId('project-link').filter({ hasText: 'Beta (copy)' }).click();
  await page.getByLabel('Problem statement', { exact: true }).waitFor();
  expect(await page.getByLabel('Problem statement', { exact: true }).inputValue()).toBe('Predict house prices.');
  expect(await page.getByTestId('project-title').textContent()).toBe('Beta (copy)');
  await page.getByRole('link', { name: 'All projects', exact: true }).click();

  // Cancel keeps the project; confirming deletes it, and it stays deleted after a reload.
  await page.getByRole('button', { name: 'Delete Beta (copy)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this project?' });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('“Beta (copy)”');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await page.getByTestId('project-item').count()).toBe(2);

  await page.getByRole('button', { name: 'Delete Beta (copy)' }).click();
  await dialog.getByRole('button', { name: 'Delete project' }).click();
  await page.getByTestId('project-link').filter({ hasText: 'Beta (copy)' }).waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('project-link').first().waitFor();
  expect(await page.getByTestId('project-link').allTextContents()).toEqual(['Beta']);
});

test('every stage opens by URL, and the keyboard moves between stages', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  const id = await createProject(page, 'Routes');

  await page.goto(`${baseUrl()}#/project/${id}/ship`);
  await page.getByTestId('stage-not-built').waitFor();
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ship');
  expect(await page.getByTestId('stage-not-built').textContent()).toContain('not built yet');
  expect(await page.getByTestId('stage-link-ship').getAttribute('aria-current')).toBe('page');
  expect(await page.title()).toBe('Ship · Routes · Looplab');

  await page.getByTestId('stage-link-monitor').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`#/project/${id}/monitor$`));
  // The URL changes a moment before the stage re-renders.
  await page.getByRole('heading', { level: 1, name: 'Monitor', exact: true }).waitFor();
  // A route change starts the reader at the new content, not at <body>.
  const focusedId = () => page.evaluate(() => document.activeElement?.id);
  expect(await focusedId()).toBe('main');

  // The skip link focuses the content without touching the hash (the router would read "#main" as a page).
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.keyboard.press('Enter');
  expect(await focusedId()).toBe('main');
  expect(new URL(page.url()).hash).toBe(`#/project/${id}/monitor`);
  expect(await page.getByTestId('not-found').count()).toBe(0);

  await page.goto(`${baseUrl()}#/project/${id}`);
  await page.getByLabel('Problem statement', { exact: true }).waitFor();
  expect(await page.getByTestId('stage-link-plan').getAttribute('aria-current')).toBe('page');

  await page.goto(`${baseUrl()}#/project/ffffffffffffffffffffffffffffffff/data`);
  await page.getByTestId('project-missing').waitFor();
  await page.goto(`${baseUrl()}#/no/such/page`);
  expect(await page.getByTestId('not-found').textContent()).toContain('#/no/such/page');
  expect(await page.title()).toBe('Nothing here · Looplab');
  await page.getByRole('link', { name: 'Go to all projects' }).click();
  await page.getByTestId('project-list').waitFor();
  expect(await page.title()).toBe('Your projects · Looplab');
});

test('bad plan input is explained where it is typed, and nothing valid is lost', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await createProject(page, 'Checks');
  await page.getByLabel('Task type', { exact: true }).selectOption('binary');
  await page.getByRole('button', { name: 'Add a success criterion' }).click();
  await page.getByLabel('Metric of criterion 1', { exact: true }).selectOption('accuracy');
  await page.getByLabel('Threshold of criterion 1', { exact: true }).fill('0.8');
  await waitSaved(page);

  await page.getByLabel('Threshold of criterion 1', { exact: true }).fill('0.8x');
  // Checked when the input is left, not at each keystroke.
  expect(await page.getByRole('alert').count()).toBe(0);
  await page.getByLabel('Threshold of criterion 1', { exact: true }).blur();
  expect(await page.getByRole('alert').textContent()).toContain('“0.8x” is not a number');
  expect(await page.getByLabel('Threshold of criterion 1', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  const threshold = page.getByLabel('Threshold of criterion 1', { exact: true });
  await threshold.fill('1.5');
  // A number out of range is also told on leaving the field (here: Enter), tied to the field.
  expect(await page.getByTestId('criterion-problem').count()).toBe(0);
  await threshold.press('Enter');
  expect(await page.getByTestId('criterion-problem').textContent()).toBe('Accuracy is between 0 and 1, so 1.5 is outside its range.');
  expect(await threshold.getAttribute('aria-invalid')).toBe('true');
  const problemId = await page.getByTestId('criterion-problem').getAttribute('id');
  expect((await threshold.getAttribute('aria-describedby'))?.split(' ')).toContain(problemId);
  await page.getByLabel('Task type', { exact: true }).selectOption('regression');
  expect(await page.getByTestId('criterion-problem').textContent()).toBe('Accuracy is a classification metric, but this is a regression task.');
  // That one is about the metric, so the metric is what is marked invalid.
  expect(await page.getByLabel('Metric of criterion 1', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  expect(await threshold.getAttribute('aria-invalid')).toBe('false');
  await page.getByLabel('Threshold of criterion 1', { exact: true }).fill('0.8x');
  await waitSaved(page);

  await page.reload();
  await page.getByLabel('Threshold of criterion 1', { exact: true }).waitFor();
  // The unparsable text never replaced the last valid threshold.
  expect(await page.getByLabel('Threshold of criterion 1', { exact: true }).inputValue()).toBe('1.5');
  expect(await page.getByLabel('Metric of criterion 1', { exact: true }).inputValue()).toBe('accuracy');

  await page.getByRole('link', { name: 'All projects', exact: true }).click();
  await page.getByRole('button', { name: 'Create project' }).click();
  expect(await page.getByTestId('projects-error').textContent()).toBe('A project needs a name.');
  expect(await page.getByTestId('project-item').count()).toBe(1);
});

test('the storage panel shows usage and quota and asks for persistent storage', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await page.goto(baseUrl());
  const usage = page.getByTestId('storage-usage');
  await usage.waitFor();
  expect(await usage.textContent()).toMatch(/^\d+(\.\d+)? (B|KB|MB|GB|TB)$/);
  expect(await page.getByTestId('storage-quota').textContent()).toMatch(/^\d+(\.\d+)? (B|KB|MB|GB|TB)$/);
  const persisted = await page.getByTestId('storage-persisted').textContent();
  expect(['yes', 'no']).toContain(persisted);
  if (persisted === 'no') {
    await page.getByRole('button', { name: 'Protect my projects' }).click();
    const answer = await page.getByTestId('persist-answer').textContent();
    expect(answer).toMatch(/^(Granted|Not granted)/);
    const now = await page.getByTestId('storage-persisted').textContent();
    expect(now).toBe(answer!.startsWith('Granted') ? 'yes' : 'no');
  }
});

test('two tabs on one plan: each shows the other’s saves, and a field edited in both loses neither tab’s edits', async () => {
  const session = await startBrowser();
  const a = await session.newPage();
  const id = await createProject(a, 'Two tabs');
  // Session.newPage() gives back the first page: the second tab is a new page of the same profile.
  const b = await session.context.newPage();
  await b.goto(`${baseUrl()}#/project/${id}/plan`);
  const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
  await field(b, 'Problem statement').waitFor();

  // An idle tab shows the other tab's save without writing anything itself.
  await field(a, 'Problem statement').fill('Predict churn');
  await waitSaved(a);
  await expect.poll(() => field(b, 'Problem statement').inputValue()).toBe('Predict churn');
  expect(await b.getByTestId('plan-merge-notice').textContent()).toBe('This plan was changed in another tab; it is shown as it is now.');

  // Tab B is in Risks: tab A's change to Risks waits there until B leaves it (or types).
  await field(b, 'Risks').focus();
  await field(a, 'Risks').fill('Risk seen in A');
  await field(a, 'Free notes').fill('Notes from A');
  await waitSaved(a);
  await b.getByTestId('plan-merge-waiting').filter({ hasText: '“Risks” included' }).waitFor();
  expect(await field(b, 'Risks').inputValue()).toBe('');
  expect(await field(b, 'Free notes').inputValue()).toBe('');

  // B types in Risks: its save keeps B's Risks, takes A's notes, and says which field both changed.
  await field(b, 'Risks').fill('Risk seen in B');
  await waitSaved(b);
  expect(await field(b, 'Free notes').inputValue()).toBe('Notes from A');
  expect(await b.getByTestId('plan-merge-notice').textContent()).toBe(
    'This plan was also changed in another tab; both sets of changes are kept. “Risks” was changed in both; this tab’s text was kept.',
  );
  await expect.poll(() => field(a, 'Risks').inputValue()).toBe('Risk seen in B');
  expect(await a.getByRole('alert').count()).toBe(0);

  // What is stored is the merge, in both tabs after a reload.
  for (const page of [a, b]) {
    await page.reload();
    await field(page, 'Problem statement').waitFor();
    expect(await field(page, 'Problem statement').inputValue()).toBe('Predict churn');
    expect(await field(page, 'Risks').inputValue()).toBe('Risk seen in B');
    expect(await field(page, 'Free notes').inputValue()).toBe('Notes from A');
  }
});

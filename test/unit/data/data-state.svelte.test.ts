import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DataState } from '../../../src/data/data.svelte';
import { inspectHead, type InspectResult } from '../../../src/data/inspect';
import { MergeState } from '../../../src/data/merge.svelte';
import type { DatasetProfile } from '../../../src/data/profile';
import type { ScatterResult } from '../../../src/data/scatter-sample';
import { createProject } from '../../../src/storage/projects';
import { saveRecipe } from '../../../src/storage/recipes';
import { putRun } from '../../../src/storage/runs';
import { LooplabDB } from '../../../src/storage/schema';
import { WorkerCancelled } from '../../../src/workers/worker-handle';
import { forgetCalls, waitingCalls, worker } from '../../helpers/import-worker-stub';
import { datasetRow, runRow } from '../../helpers/rows';
import { freshName } from '../../storage/legacy';

vi.mock('../../../src/workers/worker-handle', async (original) => (await import('../../helpers/import-worker-stub')).stubbedWorkerHandle(await original()));

const profileOf = (column: string): DatasetProfile => ({ columns: [{ name: column } as DatasetProfile['columns'][number]], target: null, warnings: [], correlation: { columns: [], r: [] } as unknown as DatasetProfile['correlation'], seconds: { load: 0, profile: 0 } });

let db: LooplabDB;
let state: DataState;
let projectId: string;
beforeEach(async () => {
  forgetCalls();
  db = new LooplabDB(freshName());
  await db.open();
  const project = await createProject(db, 'P', {});
  projectId = project.id;
  // Tests run Svelte's server build, where effects do not run: the state is given what they would load.
  state = new DataState(project.id, db);
  state.datasets = [datasetRow({ id: 'a', projectId: project.id, rowCount: 5 }), datasetRow({ id: 'b', projectId: project.id, rowCount: 5 })];
  state.activeDatasetId = 'a';
});
afterEach(() => db.close());

describe('the profile shown is the active dataset’s', () => {
  test('a dataset made active while another is being profiled gets its own profile, and the earlier result is not shown', async () => {
    state.profileFound('a', null, null);
    const [profilingA] = await waitingCalls('profile');
    expect(profilingA!.args).toEqual(['a', null]);
    state.activeDatasetId = 'b';
    state.profileFound('b', null, null);

    profilingA!.resolve(profileOf('from a'));
    const [profilingB] = await waitingCalls('profile');
    expect(profilingB!.args).toEqual(['b', null]);
    expect(state.profile).toBeNull();
    expect(state.profiling).toBe(true);

    profilingB!.resolve(profileOf('from b'));
    await vi.waitFor(() => expect(state.profiling).toBe(false));
    expect(state.profile?.columns[0]!.name).toBe('from b');
    expect(state.error).toBeNull();
  });

  test('a stored profile that fits is shown without asking the worker', () => {
    state.profileFound('a', null, profileOf('stored'));
    expect(state.profile?.columns[0]!.name).toBe('stored');
    expect(worker.calls).toEqual([]);
  });
});

describe('cancelling an import or a merge does not break other work in the same worker', () => {
  test('a profile interrupted by cancelling a merge preview is computed again, with no alert', async () => {
    const merge = new MergeState(state);
    void merge.show({ file: new File(['k\n1\n'], 'other.csv'), how: 'append' });
    state.profileFound('a', null, null);
    await waitingCalls('previewMerge');
    await waitingCalls('profile');

    merge.cancel();
    const [again] = await waitingCalls('profile');
    again!.resolve(profileOf('from a'));
    await vi.waitFor(() => expect(state.profiling).toBe(false));
    expect(state.profile?.columns[0]!.name).toBe('from a');
    expect(state.error).toBeNull();
    expect(merge.error).toBeNull();
  });

  test('a table page interrupted by a cancel is fetched again, with no alert', async () => {
    const rows = state.tableRows(0, 2);
    (await waitingCalls('rows'))[0]!.reject(new WorkerCancelled());
    const [again] = await waitingCalls('rows');
    again!.resolve([['1'], ['2']]);
    expect(await rows).toEqual([['1'], ['2']]);
    expect(state.error).toBeNull();
  });

  test('a scatter interrupted by a cancel is drawn again, not reported as a problem', async () => {
    const scatter = state.scatter('x', 'y', null);
    (await waitingCalls('scatter'))[0]!.reject(new WorkerCancelled());
    const result: ScatterResult = { ok: true, sample: { x: [1], y: [2], xIsLabel: false, yIsLabel: false, colour: null, candidates: 1 } };
    (await waitingCalls('scatter'))[0]!.resolve(result);
    expect(await scatter).toEqual(result);
  });

  test('a failure that is not a cancel is still reported', async () => {
    state.profileFound('a', null, null);
    (await waitingCalls('profile'))[0]!.reject(new Error('disk on fire'));
    await vi.waitFor(() => expect(state.profiling).toBe(false));
    expect(state.error).toBe('The profile of this dataset could not be computed. Something went wrong: disk on fire');
  });
});

const inspected = (fileName: string): InspectResult => inspectHead(new TextEncoder().encode('a,b\n1,2\n'), { name: fileName, size: 8 }, {});

describe('choosing a file', () => {
  // The capacity check reads the browser's storage estimate and memory: neither is known here.
  beforeEach(() => void vi.stubGlobal('navigator', {}));
  afterEach(() => void vi.unstubAllGlobals());

  test('a slow earlier file does not replace the preview of a later one', async () => {
    const first = new File(['a\n1\n'], 'first.csv');
    const second = new File(['b\n2\n'], 'second.csv');
    const choosingFirst = state.chooseFile(first);
    const [inspectFirst] = await waitingCalls('inspect');
    const [hashFirst] = await waitingCalls('hash');
    inspectFirst!.resolve(inspected('first.csv'));

    const calls = worker.calls.length;
    const choosingSecond = state.chooseFile(second);
    await vi.waitFor(() => expect(worker.calls.length).toBe(calls + 2));
    const [inspectSecond, hashSecond] = worker.calls.slice(calls);
    inspectSecond!.resolve(inspected('second.csv'));
    hashSecond!.resolve('h2');
    await choosingSecond;
    expect(state.error).toBeNull();
    expect(state.step).toBe('preview');
    expect(state.pending?.file).toBe(second);

    hashFirst!.resolve('h1');
    await choosingFirst;
    expect(state.pending?.file).toBe(second);
    expect(state.pending?.hash).toBe('h2');
    expect(state.step).toBe('preview');
  });

  test('Cancel while the file is being inspected closes it for good', async () => {
    const choosing = state.chooseFile(new File(['a\n1\n'], 'first.csv'));
    const [inspect] = await waitingCalls('inspect');
    const [hash] = await waitingCalls('hash');
    state.cancel();
    expect(state.step).toBe('idle');
    inspect!.resolve(inspected('first.csv'));
    hash!.resolve('h1');
    await choosing;
    expect(state.step).toBe('idle');
    expect(state.pending).toBeNull();
    expect(state.error).toBeNull();
  });
});

describe('choosing a column type in the preview', () => {
  beforeEach(() => void vi.stubGlobal('navigator', {}));
  afterEach(() => void vi.unstubAllGlobals());

  /** The preview of `csv`, as the worker would inspect it. */
  async function preview(csv: string): Promise<void> {
    const bytes = new TextEncoder().encode(csv);
    const choosing = state.chooseFile(new File([bytes], 'f.csv'));
    (await waitingCalls('inspect'))[0]!.resolve(inspectHead(bytes, { name: 'f.csv', size: bytes.length }, {}));
    (await waitingCalls('hash'))[0]!.resolve('h');
    await choosing;
  }

  test('dates chosen for a column read in the order the file’s other dates proved, and say it was assumed', async () => {
    // "signup" proves month/day (25 cannot be a month); "when" reads either way and has a word in it.
    await preview('signup,when\n12/25/2023,01/02/2024\n01/02/2024,03/04/2024\n02/03/2024,later\n');
    const when = state.pending!.inspection.columns[1]!;
    expect(when.kind).toBe('categorical');
    state.setColumnKind(1, 'datetime');
    expect(when.dateOrder).toBe('mdy');
    expect(when.reason).toBe(
      'You chose this type. Dates are read as month/day, as in "signup"; every day here is 12 or less, so day/month is possible too. Cells that are not dates become missing; the import notes say how many.',
    );
  });

  test('Numeric chosen for mostly numbers says the other cells become missing; going back restores the guess', async () => {
    await preview('age\n31\n45\nunknown\n50\n61\n');
    const age = state.pending!.inspection.columns[0]!;
    const guessed = age.reason;
    expect(guessed).toContain('"unknown" (line 4)');
    state.setColumnKind(0, 'numeric');
    expect(age.reason).toBe('You chose this type. Cells that are not numbers become missing; the import notes say how many.');
    state.setColumnKind(0, 'categorical');
    expect(age.reason).toBe(guessed);
  });
});

describe('lines to skip before the header', () => {
  beforeEach(() => void vi.stubGlobal('navigator', {}));
  afterEach(() => void vi.unstubAllGlobals());

  async function preview(csv: string): Promise<Uint8Array> {
    const bytes = new TextEncoder().encode(csv);
    const choosing = state.chooseFile(new File([bytes], 'f.csv'));
    (await waitingCalls('inspect'))[0]!.resolve(inspectHead(bytes, { name: 'f.csv', size: bytes.length }, {}));
    (await waitingCalls('hash'))[0]!.resolve('h');
    await choosing;
    return bytes;
  }

  test('a count the sample allows re-reads the preview from there; the settings are detected again', async () => {
    const bytes = await preview('Report\n\nstadt;preis\nBerlin;1,5\n');
    expect(state.pending!.inspection.dialect.skipLines).toBe(0);
    const setting = state.setSkipLines('2');
    const [inspect] = await waitingCalls('inspect');
    expect(inspect!.args[1]).toEqual({ encoding: 'utf-8', dialect: { skipLines: 2 } });
    inspect!.resolve(inspectHead(bytes, { name: 'f.csv', size: bytes.length }, inspect!.args[1] as Parameters<typeof inspectHead>[2]));
    await setting;
    expect(state.skipLinesProblem).toBeNull();
    expect(state.pending!.inspection.dialect).toMatchObject({ skipLines: 2, delimiter: ';' });
    expect(state.pending!.inspection.columns.map((c) => c.name)).toEqual(['stadt', 'preis']);
  });

  test('a count that is not a whole number, or leaves nothing, is a problem in the form and reads nothing', async () => {
    await preview('a,b\n1,2\n3,4\n');
    const calls = worker.calls.length;
    await state.setSkipLines('-1');
    expect(state.skipLinesProblem).toBe('Lines to skip must be a whole number: 0, 1, 2 and so on.');
    await state.setSkipLines('3');
    expect(state.skipLinesProblem).toBe('The file has 3 lines: skip fewer than 3, so the header or the data is left.');
    expect(worker.calls.length).toBe(calls);
    expect(state.pending!.inspection.dialect.skipLines).toBe(0);
    // A good count clears it; closing the preview does too.
    const setting = state.setSkipLines('1');
    expect(state.skipLinesProblem).toBeNull();
    (await waitingCalls('inspect'))[0]!.resolve(inspected('f.csv'));
    await setting;
    await state.setSkipLines('x');
    state.cancel();
    expect(state.skipLinesProblem).toBeNull();
  });
});

describe('an import that meets bytes that are not UTF-8 past the start of the file', () => {
  beforeEach(() => void vi.stubGlobal('navigator', {}));
  afterEach(() => void vi.unstubAllGlobals());

  const problem = '"f.csv": line 32 of the file has bytes that are not UTF-8, though the start of the file is, and nothing was stored.';

  /** The preview of `csv`, its first column chosen as categorical, then Import pressed and answered with the not-UTF-8 stop. */
  async function stopped(csv: string): Promise<Uint8Array> {
    const bytes = new TextEncoder().encode(csv);
    const choosing = state.chooseFile(new File([bytes], 'f.csv'));
    (await waitingCalls('inspect'))[0]!.resolve(inspectHead(bytes, { name: 'f.csv', size: bytes.length }, {}));
    (await waitingCalls('hash'))[0]!.resolve('h');
    await choosing;
    state.setColumnKind(0, 'categorical');
    const importing = state.startImport(true);
    (await waitingCalls('importFile'))[0]!.resolve({ ok: false, reason: 'not-utf8', problem });
    await importing;
    return bytes;
  }

  test('the preview comes back with the question, and both answers are offered', async () => {
    await stopped('id,city\n1,Paris\n2,Rome\n');
    expect(state.step).toBe('preview');
    expect(state.error).toBe(problem);
    expect(state.canChooseEncoding).toBe(true);
    expect(state.canSkipRagged).toBe(false);
  });

  test('after Windows-1252 is read again, choosing a guessed type again still restores its reason', async () => {
    const bytes = new TextEncoder().encode('age\n31\n45\nunknown\n50\n61\n');
    const choosing = state.chooseFile(new File([bytes], 'f.csv'));
    (await waitingCalls('inspect'))[0]!.resolve(inspectHead(bytes, { name: 'f.csv', size: bytes.length }, {}));
    (await waitingCalls('hash'))[0]!.resolve('h');
    await choosing;
    const { kind: guessedKind, reason: guessed } = state.pending!.inspection.columns[0]!;
    state.setColumnKind(0, 'numeric');
    const importing = state.startImport(true);
    (await waitingCalls('importFile'))[0]!.resolve({ ok: false, reason: 'not-utf8', problem });
    await importing;
    const answering = state.importAsWindows1252();
    const [inspect] = await waitingCalls('inspect');
    inspect!.resolve(inspectHead(bytes, { name: 'f.csv', size: bytes.length }, inspect!.args[1] as Parameters<typeof inspectHead>[2]));
    (await waitingCalls('importFile'))[0]!.resolve({ ok: false, reason: 'storage', problem: 'full' });
    await answering;
    expect(state.pending!.inspection.columns[0]!.kind).toBe('numeric');
    state.setColumnKind(0, guessedKind);
    expect(state.pending!.inspection.columns[0]!.reason).toBe(guessed);
  });

  test('Windows-1252 reads the preview again in it, keeps the types chosen, and imports', async () => {
    const bytes = await stopped('id,city\n1,Paris\n2,Rome\n');
    const answering = state.importAsWindows1252();
    const [inspect] = await waitingCalls('inspect');
    const overrides = inspect!.args[1] as Parameters<typeof inspectHead>[2];
    expect(overrides).toMatchObject({ encoding: 'windows-1252', dialect: { delimiter: ',', hasHeader: true } });
    inspect!.resolve(inspectHead(bytes, { name: 'f.csv', size: bytes.length }, overrides));
    const [job] = await waitingCalls('importFile');
    const sent = job!.args[0] as { inspection: { encoding: string; columns: { kind: string }[] }; skipRagged: boolean; keepNotUtf8?: boolean };
    expect(sent.inspection.encoding).toBe('windows-1252');
    expect(sent.inspection.columns.map((c) => c.kind)).toEqual(['categorical', 'categorical']);
    expect(sent.skipRagged).toBe(true);
    expect(sent.keepNotUtf8).toBeFalsy();
    job!.resolve({ ok: false, reason: 'storage', problem: 'full' });
    await answering;
    expect(state.canChooseEncoding).toBe(false);
  });

  test('UTF-8 anyway imports the same preview, saying the bytes may stay', async () => {
    await stopped('id,city\n1,Paris\n2,Rome\n');
    const answering = state.importKeepingUtf8();
    const [job] = await waitingCalls('importFile');
    const sent = job!.args[0] as { inspection: { encoding: string }; skipRagged: boolean; keepNotUtf8?: boolean };
    expect(sent).toMatchObject({ inspection: { encoding: 'utf-8' }, skipRagged: true, keepNotUtf8: true });
    job!.resolve({ ok: false, reason: 'storage', problem: 'full' });
    await answering;
  });
});

describe('a merge preview that meets bytes that are not UTF-8 past the start of the second file', () => {
  const problem = '"more.csv": line 30,002 of the file has bytes that are not UTF-8, though the start of the file is, and nothing was stored.';
  const file = new File(['id\n1\n'], 'more.csv');

  /** A merge whose preview the worker answered with the not-UTF-8 stop. */
  async function stopped(): Promise<MergeState> {
    const merge = new MergeState(state);
    const showing = merge.show({ file, how: 'left', leftKey: 'id', rightKey: 'id' });
    (await waitingCalls('previewMerge'))[0]!.resolve({ ok: false, reason: 'not-utf8', problem });
    await showing;
    return merge;
  }

  test('shows the question and offers both answers; another problem offers neither', async () => {
    const merge = await stopped();
    expect(merge.error).toBe(problem);
    expect(merge.canChooseEncoding).toBe(true);
    const again = merge.show({ file, how: 'append' });
    expect(merge.canChooseEncoding).toBe(false);
    (await waitingCalls('previewMerge'))[0]!.resolve({ ok: false, problem: 'other' });
    await again;
    expect(merge.canChooseEncoding).toBe(false);
  });

  test('Windows-1252 previews the same merge again, read in it', async () => {
    const merge = await stopped();
    const answering = merge.showAsWindows1252();
    expect(merge.canChooseEncoding).toBe(false);
    const [call] = await waitingCalls('previewMerge');
    expect(call!.args[0]).toEqual({ file, how: 'left', leftKey: 'id', rightKey: 'id', parentId: 'a', encoding: 'windows-1252' });
    call!.resolve({ ok: true, token: 1, rowCount: 1, columns: [], rows: [], notes: [] });
    await answering;
    expect(merge.preview).toMatchObject({ token: 1, otherFile: 'more.csv' });
    expect(merge.error).toBeNull();
  });

  test('UTF-8 anyway previews the same merge again, keeping those bytes', async () => {
    const merge = await stopped();
    const answering = merge.showKeepingUtf8();
    const [call] = await waitingCalls('previewMerge');
    expect(call!.args[0]).toEqual({ file, how: 'left', leftKey: 'id', rightKey: 'id', parentId: 'a', keepNotUtf8: true });
    call!.resolve({ ok: false, problem: 'full' });
    await answering;
  });

  test('discarding forgets the question', async () => {
    const merge = await stopped();
    merge.discardPreview();
    expect(merge.canChooseEncoding).toBe(false);
    expect(merge.error).toBeNull();
  });
});

describe('the question before deleting a dataset says what it would leave behind', () => {
  test('its stranded cell edits and its runs, read from the stored recipe and runs; nothing for a dataset that leaves nothing', async () => {
    const edit = (row: number, rowKey: string) => ({ row, column: 'y', value: 'b', rowKey });
    const recipe = { steps: [{ id: 'e', kind: 'edit-cells', enabled: true, params: { edits: [edit(1, 'a'), edit(2, 'a'), edit(1, 'b')], bulk: [] } }] };
    await saveRecipe(db, projectId, 'a', recipe, 0);
    await putRun(db, runRow({ id: 'r1', projectId, datasetId: 'a' }));
    await putRun(db, runRow({ id: 'r2', projectId, datasetId: 'b' }));
    expect(await state.whatDeletingLeaves('a')).toBe(
      '2 cell edits of the Labels panel were made on its rows, which no other dataset holds: they would apply to no dataset any more. 1 run was trained on it: its scores stay, but it could no longer be cross-validated, measured for feature importance or relabelled.',
    );
    // A retype of b holds b's rows: deleting b strands no edit, though its run still loses its rows.
    state.datasets = [...state.datasets, datasetRow({ id: 'c', projectId, rowCount: 5, parentId: 'b', recipe: { kind: 'retype', column: 'x', from: 'text', to: 'numeric' }, rowRuns: [{ key: 'b', end: 5 }] })];
    expect(await state.whatDeletingLeaves('b')).toMatch(/^1 run was trained on it/);
    expect(await state.whatDeletingLeaves('c')).toBeNull();
    expect(await state.whatDeletingLeaves('gone')).toBeNull();
  });
});

/**
 * "Lines to skip before the header": what the learner types is checked in words, and a new
 * count re-reads the preview from the line after the skipped ones.
 */
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import { inspectHead, type Inspection } from '../../../src/data/inspect';
import { readSkipLines } from '../../../src/data/skip-lines';

const utf8 = (text: string) => new TextEncoder().encode(text);

function inspect(text: string, overrides: Parameters<typeof inspectHead>[2] = {}, size = utf8(text).length): Inspection {
  const bytes = utf8(text);
  const result = inspectHead(bytes, { name: 'f.csv', size }, overrides);
  if (!result.ok) throw new Error(result.problem);
  return result.inspection;
}

describe('readSkipLines', () => {
  test('a whole number from 0 up to one less than the lines read is taken', () => {
    expect(readSkipLines('0', 5, true)).toEqual({ ok: true, lines: 0 });
    expect(readSkipLines(' 4 ', 5, true)).toEqual({ ok: true, lines: 4 });
  });

  test('anything else says what is wrong', () => {
    const whole = 'Lines to skip must be a whole number: 0, 1, 2 and so on.';
    for (const text of ['', '-1', '1.5', 'two', '1e2', '3 lines']) expect(readSkipLines(text, 5, true), text).toEqual({ ok: false, problem: whole });
    expect(readSkipLines('5', 5, true)).toEqual({ ok: false, problem: 'The file has 5 lines: skip fewer than 5, so the header or the data is left.' });
    expect(readSkipLines('1200', 1000, false)).toEqual({ ok: false, problem: 'The preview reads the first 1,000 lines of the file: skip fewer than 1,000.' });
  });
});

describe('the inspection under a number of lines to skip', () => {
  test('counts the lines it read, as an editor numbers them', () => {
    expect(inspect('a,b\n1,2\n\n3,4\n').sampleLines).toBe(4);
    expect(inspect('a,b\r\n1,2\r\n3,4').sampleLines).toBe(3);
  });

  test('lines the learner skips: the separator, header and decimal comma are detected again on the lines after them', () => {
    const text = 'Sales report\nRegion: north\n\nstadt;preis\nBerlin;1,5\nKöln;2,25\n';
    // Detection alone cannot see past the first line, which has no separator.
    expect(inspect(text).dialect.delimiter).toBe(',');
    const skipped = inspect(text, { dialect: { skipLines: 3 } });
    expect(skipped.dialect).toMatchObject({ delimiter: ';', decimalComma: true, hasHeader: true, skipLines: 3 });
    expect(skipped.columns.map((c) => [c.name, c.kind])).toEqual([
      ['stadt', 'categorical'],
      ['preis', 'numeric'],
    ]);
    expect(skipped.preview).toEqual([
      ['Berlin', '1,5'],
      ['Köln', '2,25'],
    ]);
    expect(skipped.headerNotes).toEqual(['Lines 1 to 3 are skipped; the column names are read from line 4.']);
  });

  test('0 reads a detected comment line as the header again', () => {
    const text = '# exported\na,b\n1,2\n3,4\n';
    expect(inspect(text).dialect.skipLines).toBe(1);
    const none = inspect(text, { dialect: { skipLines: 0 } });
    expect(none.dialect.skipLines).toBe(0);
    expect(none.columns.map((c) => c.name)).toEqual(['# exported']);
    expect(none.headerNotes).toEqual([]);
  });
});

describe('the control in the preview', () => {
  test('is a labelled number input holding the detected count, with its problem tied to it', async () => {
    const { DataState } = await import('../../../src/data/data.svelte');
    const ImportPreview = (await import('../../../src/data/views/ImportPreview.svelte')).default;
    const data = new DataState('p');
    const inspection = inspect('# exported by X\na,b\n1,2\n');
    const pending = { file: new File([], 'f.csv'), inspection, detectedEncoding: inspection.encoding, datasetName: 'f', recipe: { kind: 'import' as const }, duplicateOf: null, capacity: null, estimatedBytes: 0, skipRagged: false, hash: 'h' };
    const { body } = render(ImportPreview, { props: { data, pending } });
    expect(body).toMatch(/<label for="import-skip-lines">Lines to skip before the header<\/label>/);
    expect(body).toMatch(/<input[^>]*id="import-skip-lines"[^>]*type="number"[^>]*min="0"[^>]*value="1"/);
    expect(body).not.toContain('data-testid="skip-lines-problem"');

    data.skipLinesProblem = 'Lines to skip must be a whole number: 0, 1, 2 and so on.';
    const invalid = render(ImportPreview, { props: { data, pending } }).body;
    expect(invalid).toMatch(/<input[^>]*id="import-skip-lines"[^>]*aria-invalid="true"[^>]*aria-describedby="import-skip-lines-problem"/);
    expect(invalid).toMatch(/<p[^>]*id="import-skip-lines-problem"[^>]*role="alert"[^>]*>Lines to skip must be a whole number: 0, 1, 2 and so on.<\/p>/);
  });
});

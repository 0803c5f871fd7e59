import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import DataTable from '../../../src/data/views/DataTable.svelte';
import { datasetRow } from '../../helpers/rows';

// Rendered on the server: the rows a scroll fetches never arrive there, so only the table's frame shows.
describe('the virtual data table', () => {
  test('tells a screen reader how many rows the whole table has, counting its header row, and that the header is row 1', () => {
    const dataset = datasetRow({ id: 'd', projectId: 'p', rowCount: 1234, columns: [] });
    const { body } = render(DataTable, { props: { dataset, load: async () => null } });
    expect(body).toMatch(/<table[^>]* aria-rowcount="1235"/);
    expect(body).toMatch(/<thead><tr[^>]* aria-rowindex="1"/);
  });
});

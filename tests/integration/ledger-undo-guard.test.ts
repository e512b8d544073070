// Undoing an import of the household register must not strand thematic-ledger records: while a record
// refers to a person the batch created, the undo is refused in Chinese and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile, commitAnalysis } from '../../main/core/import/analyze-file.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { villageRoster } from '../helpers/workbooks.ts';

let client: TestClient;

beforeAll(async () => {
  client = await openTestClient();
  await client.ok('ledger.create', { countyCode: '420626' });
  await client.ok('settings.setOperator', { name: '李文书' });
});

afterAll(async () => {
  await client.close();
});

describe('undo of a register import with ledger records', () => {
  it('is refused while a record refers to a person it created, and works once the record is gone', async () => {
    const { file, ids } = villageRoster({ households: 2 });
    const a = await analyzeFile(client.core.ledger, file);
    const done = commitAnalysis(client.core.ledger, a, false, { operator: '李文书' });
    const person = client.core.ledger.sqlite
      .prepare('SELECT id FROM persons WHERE id_number = ?')
      .get(ids[0]) as {
      id: number;
    };
    const record = await client.ok('ledgers.create', {
      ledgerId: 'migrant_work',
      link: { personId: person.id },
      values: { status: '01', work_place: '浙江省杭州市' },
    });
    const refused = await client.fail('import.undo', { batchId: Number(done.batchId) });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('外出务工');
    expect((await client.ok('households.list', { regionCode: null })).total).toBe(2);

    await client.ok('ledgers.delete', { ledgerId: 'migrant_work', id: record.id });
    const undone = await client.ok('import.undo', { batchId: Number(done.batchId) });
    expect(undone.personsRemoved).toBe(4);
    expect((await client.ok('households.list', { regionCode: null })).total).toBe(0);
  });
});

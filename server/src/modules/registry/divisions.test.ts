import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, userClient, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/divisions', () => {
  it('lists the 6 streets, 13 towns and 3 zones of 晋江 to anyone, signed in or not', async () => {
    const anon = await client(t.app).get('/api/divisions');
    expect(anon.statusCode).toBe(200);
    const items = anon.json().items as { code: string; name: string; kind: string }[];
    const count = (kind: string) => items.filter((d) => d.kind === kind).length;
    expect([count('county'), count('street'), count('town'), count('zone')]).toEqual([1, 6, 13, 3]);
    expect(items.find((d) => d.code === '350582101')).toMatchObject({ name: '安海镇', kind: 'town' });
    expect(items.some((d) => d.code === '350582108')).toBe(false);
    const enterprise = await userClient(t, { role: 'enterprise' });
    expect((await enterprise.get('/api/divisions')).json().items).toHaveLength(23);
  });
});

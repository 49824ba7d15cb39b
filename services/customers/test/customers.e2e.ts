// Customers through the real gateway (LIANXIAO_GRAPHQL_URL), against the seeded demo world.
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

interface CustomerNode { id: string; name: string; region: string; ownerId: string; namePinyinInitials: string }
interface CustomerPage { customers: { totalCount: number; nodes: CustomerNode[] } }

const LIST = `query($first: Int, $search: String) {
  customers(first: $first, search: $search) { totalCount nodes { id name region ownerId namePinyinInitials } }
}`;
const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;

async function listAs(username: string, variables: Record<string, unknown> = { first: 200 }) {
  return gql<CustomerPage>(LIST, variables, await tokenFor(username));
}

describe('customers: who sees what', () => {
  it('successful: the director sees the whole customer master', async () => {
    const answer = await listAs('director');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.customers.totalCount).toBeGreaterThanOrEqual(300);
  });

  it('successful: a supervisor sees only customers of their region', async () => {
    const answer = await listAs('supervisor.east');
    const { totalCount, nodes } = answer.data!.customers;
    expect(totalCount).toBeGreaterThan(0);
    expect(nodes.every((c) => c.region === '华东')).toBe(true);
  });

  it('successful: a rep sees only their own customers', async () => {
    const token = await tokenFor('rep.east1');
    const me = await gql<{ me: { id: string } }>('{ me { id } }', {}, token);
    const answer = await listAs('rep.east1');
    const { totalCount, nodes } = answer.data!.customers;
    expect(totalCount).toBeGreaterThan(0);
    expect(nodes.every((c) => c.ownerId === me.data!.me.id)).toBe(true);
  });

  it('failing: dealer staff may not read customers (HQ data)', async () => {
    const answer = await listAs('dealer05');
    expect(errorCodes(answer)).toContain('FORBIDDEN');
  });
});

describe('customers: create and search', () => {
  it('failing: a bad credit code is refused in both languages and nothing is created', async () => {
    const token = await tokenFor('rep.east1');
    const before = (await listAs('director', { first: 0 })).data!.customers.totalCount;
    const answer = await gql(CREATE, { input: { name: '测试客户有限公司', creditCode: '913100000000000001', industry: '家电', channel: 'PHONE' } }, token);
    expect(errorCodes(answer)).toEqual(['VALIDATION_FAILED']);
    const error = answer.errors![0].extensions!;
    expect(error.messageZh).toEqual(expect.stringContaining('统一社会信用代码'));
    expect(error.messageEn).toEqual(expect.stringContaining('creditCode'));
    const after = (await listAs('director', { first: 0 })).data!.customers.totalCount;
    expect(after).toBe(before);
  });

  it('successful: pinyin initials find a customer by its Chinese name', async () => {
    const [sample] = (await listAs('director', { first: 1 })).data!.customers.nodes;
    const initials = sample.namePinyinInitials.slice(0, 4);
    const answer = await listAs('director', { first: 200, search: initials });
    expect(answer.data!.customers.nodes.map((c) => c.id)).toContain(sample.id);
  });
});

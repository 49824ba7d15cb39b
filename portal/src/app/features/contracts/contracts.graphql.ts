import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export interface ContractRow { id: string; number: string; status: string; amount: number; agreementVersion: number | null; signedAt: string | null; signedByName: string | null }

export const SIGN_CONTEXT = gql<
  { requirementTicket: { id: string; number: string; quantity: number | null; requestedDeliveryDate: string | null; customer: { id: string; name: string | null } | null }; agreementVersions: { id: string; version: number; status: string }[]; contracts: Connection<ContractRow> },
  { ticketId: string }
>`
  query SignContext($ticketId: ID!) {
    requirementTicket(id: $ticketId) { id number quantity requestedDeliveryDate customer { id name } }
    agreementVersions(ticketId: $ticketId) { id version status }
    contracts(ticketId: $ticketId, first: 10) { totalCount nodes { id number status amount agreementVersion signedAt signedByName } pageInfo { hasNextPage endCursor } }
  }
`;

export const CREATE_CONTRACT = gql<{ createContract: ContractRow }, { input: Record<string, unknown> }>`
  mutation CreateContract($input: CreateContractInput!) { createContract(input: $input) { id number status amount agreementVersion signedAt signedByName } }
`;

export const SIGN_CONTRACT = gql<{ signContract: ContractRow }, { id: string; sha: string; key: string }>`
  mutation SignContract($id: ID!, $sha: String!, $key: String!) {
    signContract(contractId: $id, signedScanSha256: $sha, idempotencyKey: $key) { id number status amount agreementVersion signedAt signedByName }
  }
`;

import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export interface SpecField { field: string; labelZh: string; labelEn: string; value: string | null }
export interface Version { id: string; version: number; status: string; createdAt: string; legalComment: string | null; spec: SpecField[] }
export interface ReviewTicket {
  id: string;
  number: string;
  status: string;
  customer: { id: string; name: string | null } | null;
  material: string | null; tolerance: string | null; surfaceTreatment: string | null; dimensions: string | null; quantity: number | null;
  hardness: string | null; unitWeight: string | null; packaging: string | null; certificationStandard: string | null;
  inspectionStandard: string | null; colour: string | null; craftNotes: string | null;
  reviewComments: { id: string; field: string; comment: string; authorName: string }[];
  drawings: { id: string; fileName: string }[];
}

export const REVIEW_TICKET = gql<{ requirementTicket: ReviewTicket }, { id: string }>`
  query ReviewTicket($id: ID!) {
    requirementTicket(id: $id) {
      id number status customer { id name }
      material tolerance surfaceTreatment dimensions quantity hardness unitWeight packaging
      certificationStandard inspectionStandard colour craftNotes
      reviewComments { id field comment authorName }
      drawings { id fileName }
    }
  }
`;

export const COMMENT = gql<{ commentOnSpecField: { id: string } }, { ticketId: string; field: string; comment: string }>`
  mutation CommentOnField($ticketId: ID!, $field: String!, $comment: String!) { commentOnSpecField(ticketId: $ticketId, field: $field, comment: $comment) { id } }
`;
export const APPROVE_SPEC = gql<{ approveSpec: { id: string; version: number } }, { ticketId: string }>`
  mutation ApproveSpec($ticketId: ID!) { approveSpec(ticketId: $ticketId) { id version } }
`;
export const REQUEST_CHANGES = gql<{ requestSpecChanges: { id: string; status: string } }, { ticketId: string; fields: string[]; comment: string }>`
  mutation RequestChanges($ticketId: ID!, $fields: [String!]!, $comment: String!) { requestSpecChanges(ticketId: $ticketId, fields: $fields, comment: $comment) { id status } }
`;

export const VERSIONS = gql<{ agreementVersions: Version[]; requirementTicket: { id: string; number: string } }, { ticketId: string }>`
  query AgreementVersions($ticketId: ID!) {
    requirementTicket(id: $ticketId) { id number }
    agreementVersions(ticketId: $ticketId) { id version status createdAt legalComment spec { field labelZh labelEn value } }
  }
`;
export const DIFF = gql<{ agreementDiff: { field: string; labelZh: string; labelEn: string; before: string | null; after: string | null }[] }, { ticketId: string; from: number; to: number }>`
  query AgreementDiff($ticketId: ID!, $from: Int!, $to: Int!) { agreementDiff(ticketId: $ticketId, from: $from, to: $to) { field labelZh labelEn before after } }
`;
export const AGREEMENT_PDF = gql<{ agreementPdf: { fileName: string; mimeType: string; contentBase64: string } }, { id: string }>`
  query AgreementPdf($id: ID!) { agreementPdf(agreementId: $id) { fileName mimeType contentBase64 } }
`;

export interface QueueRow { id: string; version: number; createdAt: string; ticket: { id: string; number: string; customer: { id: string; name: string | null } | null } | null }
export const LEGAL_QUEUE = gql<{ legalQueue: Connection<QueueRow> }, { first: number; offset: number }>`
  query LegalQueue($first: Int, $offset: Int) {
    legalQueue(first: $first, offset: $offset) {
      totalCount
      nodes { id version createdAt ticket { id number customer { id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
export const APPROVE_AGREEMENT = gql<{ approveAgreement: { id: string; status: string } }, { id: string }>`
  mutation ApproveAgreement($id: ID!) { approveAgreement(agreementId: $id) { id status } }
`;
export const REJECT_AGREEMENT = gql<{ rejectAgreement: { id: string; status: string } }, { id: string; comment: string }>`
  mutation RejectAgreement($id: ID!, $comment: String!) { rejectAgreement(agreementId: $id, comment: $comment) { id status } }
`;

import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export const SPEC_KEYS = [
  'material', 'tolerance', 'surfaceTreatment', 'dimensions', 'quantity', 'hardness',
  'unitWeight', 'packaging', 'certificationStandard', 'inspectionStandard', 'colour', 'craftNotes',
] as const;
export type SpecKey = (typeof SPEC_KEYS)[number];
export const URGENCIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;

export interface TicketRow {
  id: string;
  number: string;
  status: string;
  urgency: string;
  requestedDeliveryDate: string | null;
  createdAt: string;
  customer: { id: string; name: string | null } | null;
}

export interface TicketDetail extends TicketRow {
  material: string | null;
  tolerance: string | null;
  surfaceTreatment: string | null;
  dimensions: string | null;
  quantity: number | null;
  hardness: string | null;
  unitWeight: string | null;
  packaging: string | null;
  certificationStandard: string | null;
  inspectionStandard: string | null;
  colour: string | null;
  craftNotes: string | null;
  changesRequestedFields: string[] | null;
  changesRequestedComment: string | null;
  reviewComments: { id: string; field: string; comment: string; authorName: string; createdAt: string }[];
  drawings: { id: string; fileName: string; mimeType: string; sizeBytes: number }[];
  tasks: { id: string; department: string; status: string; dueAt: string; reminderState: string }[];
}

export const TICKETS = gql<{ requirementTickets: Connection<TicketRow> }, { first: number; offset: number }>`
  query Tickets($first: Int, $offset: Int) {
    requirementTickets(first: $first, offset: $offset) {
      totalCount
      nodes { id number status urgency requestedDeliveryDate createdAt customer { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const TICKET = gql<{ requirementTicket: TicketDetail; agreementVersions: { id: string; version: number; status: string }[] }, { id: string }>`
  query Ticket($id: ID!) {
    requirementTicket(id: $id) {
      id number status urgency requestedDeliveryDate createdAt customer { id name }
      material tolerance surfaceTreatment dimensions quantity hardness unitWeight packaging
      certificationStandard inspectionStandard colour craftNotes
      changesRequestedFields changesRequestedComment
      reviewComments { id field comment authorName createdAt }
      drawings { id fileName mimeType sizeBytes }
      tasks { id department status dueAt reminderState }
    }
    agreementVersions(ticketId: $id) { id version status }
  }
`;

export const CUSTOMER_OPTIONS = gql<{ customers: Connection<{ id: string; name: string }> }, { search: string }>`
  query TicketCustomers($search: String) {
    customers(first: 20, search: $search) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } }
  }
`;

export const CREATE_TICKET = gql<{ createRequirementTicket: { id: string; number: string; status: string } }, { input: Record<string, unknown> }>`
  mutation CreateTicket($input: CreateRequirementTicketInput!) {
    createRequirementTicket(input: $input) { id number status }
  }
`;

export const ATTACH_DRAWING = gql<{ attachTicketDrawing: { id: string } }, { ticketId: string; input: { fileName: string; mimeType: string; contentBase64: string } }>`
  mutation AttachDrawing($ticketId: ID!, $input: AttachDrawingInput!) {
    attachTicketDrawing(ticketId: $ticketId, input: $input) { id }
  }
`;

export const UPDATE_SPEC = gql<{ updateRequirementTicketSpec: { id: string } }, { id: string; input: Record<string, unknown> }>`
  mutation UpdateSpec($id: ID!, $input: UpdateRequirementTicketSpecInput!) {
    updateRequirementTicketSpec(ticketId: $id, input: $input) { id }
  }
`;

export const SUBMIT_TICKET = gql<{ submitRequirementTicket: { id: string; status: string } }, { id: string }>`
  mutation SubmitTicket($id: ID!) { submitRequirementTicket(ticketId: $id) { id status } }
`;

export const DRAWING_FILE = gql<{ ticketDrawingFile: { fileName: string; mimeType: string; contentBase64: string } }, { id: string }>`
  query DrawingFile($id: ID!) { ticketDrawingFile(drawingId: $id) { fileName mimeType contentBase64 } }
`;

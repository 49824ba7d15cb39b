import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export interface TaskRow {
  id: string;
  ticketId: string;
  department: string;
  title: string;
  status: string;
  dueAt: string;
  reminderState: string;
  ticket: { id: string; number: string; customer: { id: string; name: string | null } | null } | null;
}

export const MY_TASKS = gql<{ myTasks: Connection<TaskRow> }, { first: number; offset: number; escalated: boolean | null }>`
  query MyTasks($first: Int, $offset: Int, $escalated: Boolean) {
    myTasks(first: $first, offset: $offset, escalated: $escalated) {
      totalCount
      nodes { id ticketId department title status dueAt reminderState ticket { id number customer { id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const START_TASK = gql<{ startTask: { id: string; status: string } }, { id: string }>`
  mutation StartTask($id: ID!) { startTask(taskId: $id) { id status } }
`;

export const COMPLETE_TASK = gql<{ completeTask: { id: string; status: string } }, { id: string; note: string | null }>`
  mutation CompleteTask($id: ID!, $note: String) { completeTask(taskId: $id, note: $note) { id status } }
`;

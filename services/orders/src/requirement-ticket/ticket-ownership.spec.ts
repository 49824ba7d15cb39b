import { Caller, DomainError, Role } from '@lianxiao/platform';
import { nextTicketNumber, ticketOwnership } from './ticket-ownership';

const rep: Caller = { userId: 'rep-1', username: 'rep.east1', roles: [Role.REP], region: '华东' };
const supervisor: Caller = { userId: 'sup-1', username: 'supervisor.east', roles: [Role.SUPERVISOR], region: '华东' };
const director: Caller = { userId: 'dir-1', username: 'director', roles: [Role.DIRECTOR] };

describe('who owns a new requirement ticket', () => {
  it('gives a rep the ticket in the rep’s region', () => {
    expect(ticketOwnership(rep, {})).toEqual({ ownerId: 'rep-1', region: '华东' });
  });

  it('refuses a rep raising a ticket for another rep or another region', () => {
    expect(() => ticketOwnership(rep, { ownerId: 'rep-2' })).toThrow(DomainError);
    expect(() => ticketOwnership(rep, { region: '华南' })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('keeps a supervisor in their region but lets them name the rep', () => {
    expect(ticketOwnership(supervisor, { ownerId: 'rep-1' })).toEqual({ ownerId: 'rep-1', region: '华东' });
    expect(() => ticketOwnership(supervisor, { region: '华北' })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('asks the director for the region', () => {
    expect(() => ticketOwnership(director, {})).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(ticketOwnership(director, { region: '华南' })).toEqual({ ownerId: 'dir-1', region: '华南' });
  });
});

describe('ticket numbers', () => {
  it('starts each year at 0001 and counts up', () => {
    expect(nextTicketNumber(null, 2026)).toBe('RT-2026-0001');
    expect(nextTicketNumber('RT-2026-0041', 2026)).toBe('RT-2026-0042');
  });
});

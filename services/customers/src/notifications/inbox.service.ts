import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { ConnectionShape, pageWindow, PageArgs, toConnection } from '@lianxiao/platform';
import { InboxItem } from './inbox-item.entity';

/** A user's in-app inbox: only ever their own items. */
@Injectable()
export class InboxService {
  constructor(@InjectRepository(InboxItem) private readonly items: Repository<InboxItem>) {}

  async list(userId: string, args: PageArgs & { unreadOnly?: boolean | null; kind?: string | null }): Promise<ConnectionShape<InboxItem>> {
    const window = pageWindow(args, 20);
    const where = { userId, ...(args.unreadOnly ? { readAt: IsNull() } : {}), ...(args.kind ? { kind: args.kind } : {}) };
    const [nodes, total] = await this.items.findAndCount({ where, order: { createdAt: 'DESC', id: 'DESC' }, skip: window.skip, take: window.take });
    return toConnection(nodes, total, window);
  }

  unreadCount(userId: string): Promise<number> {
    return this.items.countBy({ userId, readAt: IsNull() });
  }

  /** Marks the user's own items read; ids of other users' items are ignored. Returns how many changed. */
  async markRead(userId: string, ids: readonly string[] | null, now = new Date()): Promise<number> {
    const where = ids ? { userId, id: In([...ids]), readAt: IsNull() } : { userId, readAt: IsNull() };
    const result = await this.items.update(where, { readAt: now });
    return result.affected ?? 0;
  }

  /** Marks the user's items of these alerts read (acknowledging an alert reads it too). */
  async markAlertsRead(userId: string, alertIds: readonly string[], now = new Date()): Promise<void> {
    if (!alertIds.length) return;
    await this.items.update({ userId, alertId: In([...alertIds]), readAt: IsNull() }, { readAt: now });
  }
}

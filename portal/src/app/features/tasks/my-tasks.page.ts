import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom, map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { pageVariables } from '../../shared/connection';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { COMPLETE_TASK, MY_TASKS, START_TASK, type TaskRow } from './tasks.graphql';

const REMINDER_COLORS: Record<string, string> = { REMINDED: 'orange', ESCALATED: 'red' };

/** The caller's department to-dos, earliest due first, with reminder / escalation state. */
@Component({
  selector: 'lx-my-tasks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzCheckboxModule, NzTableModule, NzTagModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/work-order-page.less',
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ 'tasks.title' | t }}</h1>
      <label nz-checkbox data-testid="tasks-escalated" [ngModel]="escalatedOnly()" (ngModelChange)="escalatedOnly.set($event); pageIndex.set(1)">{{ 'tasks.escalatedOnly' | t }}</label>
    </div>
    @if (error()) { <nz-alert nzType="error" nzShowIcon [nzMessage]="error()!" /> }
    <nz-table
      data-testid="task-table"
      nzSize="middle"
      [nzData]="tasks.value()?.nodes ?? []"
      [nzFrontPagination]="false"
      [nzTotal]="tasks.value()?.totalCount ?? 0"
      [nzPageIndex]="pageIndex()"
      [nzPageSize]="20"
      [nzLoading]="tasks.isLoading()"
      [nzSimple]="narrow()"
      [nzScroll]="{ x: '820px' }"
      (nzPageIndexChange)="pageIndex.set($event)"
    >
      <thead>
        <tr>
          <th>{{ 'tasks.task' | t }}</th>
          <th>{{ 'tasks.ticket' | t }}</th>
          <th>{{ 'tasks.due' | t }}</th>
          <th>{{ 'tasks.state' | t }}</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        @for (task of tasks.value()?.nodes ?? []; track task.id) {
          <tr data-testid="task-row" [attr.data-ticket]="task.ticket?.number" [attr.data-reminder]="task.reminderState">
            <td>{{ i18n.tDynamic('tasks.dept.' + task.department, task.department) }} · {{ task.title }}</td>
            <td>
              @if (task.ticket) { <a [routerLink]="['/tickets', task.ticket.id]">{{ task.ticket.number }}</a> {{ task.ticket.customer?.name ?? '' }} }
            </td>
            <td>{{ task.dueAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>
              <nz-tag>{{ i18n.tDynamic('tasks.status.' + task.status, task.status) }}</nz-tag>
              @if (task.reminderState !== 'NONE') {
                <nz-tag data-testid="task-reminder" [nzColor]="reminderColors[task.reminderState]">{{ i18n.tDynamic('tasks.reminder.' + task.reminderState, task.reminderState) }}</nz-tag>
              }
            </td>
            <td>
              @if (task.department === 'ENGINEERING' && task.status !== 'DONE') {
                <a nz-button nzType="primary" nzSize="small" data-testid="task-review" [routerLink]="['/agreements', task.ticketId, 'review']">{{ 'tasks.review' | t }}</a>
              } @else if (mayWork(task)) {
                @if (task.status === 'OPEN') { <button nz-button nzSize="small" data-testid="task-start" (click)="act(task, 'start')">{{ 'tasks.start' | t }}</button> }
                @if (task.status !== 'DONE') { <button nz-button nzSize="small" nzType="primary" data-testid="task-complete" (click)="act(task, 'complete')">{{ 'tasks.complete' | t }}</button> }
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
export class MyTasksPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  protected readonly reminderColors = REMINDER_COLORS;
  protected readonly pageIndex = signal(1);
  protected readonly escalatedOnly = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly tasks = rxResource({
    params: () => ({ ...pageVariables(this.pageIndex(), 20), escalated: this.escalatedOnly() || null }),
    stream: ({ params }) => this.apollo.query({ query: MY_TASKS, variables: params, fetchPolicy: 'network-only', errorPolicy: 'all' }).pipe(map((r) => r.data?.myTasks ?? null)),
  });

  protected mayWork(task: TaskRow): boolean {
    const role = { ENGINEERING: 'ENGINEER', PROCUREMENT: 'PROCUREMENT', PRODUCTION: 'PRODUCTION' }[task.department] as 'ENGINEER';
    return this.auth.hasAnyRole([role, 'ADMIN']);
  }

  protected async act(task: TaskRow, action: 'start' | 'complete'): Promise<void> {
    this.error.set(null);
    try {
      if (action === 'start') await firstValueFrom(this.apollo.mutate({ mutation: START_TASK, variables: { id: task.id } }));
      else await firstValueFrom(this.apollo.mutate({ mutation: COMPLETE_TASK, variables: { id: task.id, note: null } }));
      this.tasks.reload();
    } catch (e) {
      this.error.set(graphqlErrorMessage(e, this.i18n.lang(), this.i18n.t('common.loadFailed')));
    }
  }
}

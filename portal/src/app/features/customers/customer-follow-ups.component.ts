import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output, signal, ViewEncapsulation } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { firstValueFrom } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../shared/translate.pipe';
import { type Refusal, refusalOf } from './refusal';
import { ADD_FOLLOW_UP, type CustomerDetail, FOLLOW_UP_TYPES, type FollowUpType } from './customer-detail.graphql';

/** Today in the browser's time zone, YYYY-MM-DD (for the date input's min). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The follow-up entry form (works on a phone) and the timeline; emits `changed` after a save. */
@Component({
  selector: 'lx-customer-follow-ups',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, FormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzEmptyModule, NzFormModule, NzIconModule, NzInputModule, NzRadioModule, NzTagModule, NzTimelineModule, TranslatePipe],
  templateUrl: './customer-follow-ups.component.html',
})
export class CustomerFollowUpsComponent {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly followUpTypes = FOLLOW_UP_TYPES;
  protected readonly today = today();

  readonly customerId = input.required<string>();
  readonly followUps = input.required<CustomerDetail['followUps']>();
  readonly changed = output<void>();

  protected readonly fuType = signal<FollowUpType>('VISIT');
  protected readonly fuSummary = signal('');
  protected readonly fuObstacle = signal('');
  protected readonly fuNextAction = signal('');
  protected readonly fuNextDate = signal('');
  protected readonly fuSaving = signal(false);
  protected readonly fuError = signal<Refusal | null>(null);
  protected readonly fuTouched = signal(false);

  protected colon(): string {
    return this.i18n.lang() === 'zh' ? '：' : ': ';
  }

  protected async addFollowUp(): Promise<void> {
    this.fuTouched.set(true);
    if (this.fuSaving() || !this.fuSummary().trim()) return;
    this.fuSaving.set(true);
    this.fuError.set(null);
    try {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: ADD_FOLLOW_UP,
          variables: {
            customerId: this.customerId(),
            input: {
              type: this.fuType(),
              summary: this.fuSummary().trim(),
              obstacle: this.fuObstacle().trim() || undefined,
              nextAction: this.fuNextAction().trim() || undefined,
              nextActionDate: this.fuNextDate() || undefined,
            },
          },
        }),
      );
      this.fuSummary.set('');
      this.fuObstacle.set('');
      this.fuNextAction.set('');
      this.fuNextDate.set('');
      this.fuTouched.set(false);
      this.changed.emit();
    } catch (error) {
      this.fuError.set(refusalOf(error, this.i18n.lang(), this.i18n.t('customer.saveFailed')));
    } finally {
      this.fuSaving.set(false);
    }
  }
}

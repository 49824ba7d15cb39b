import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { TranslatePipe } from './translate.pipe';

/**
 * The one way a page says its data did not load: "加载失败 / Failed to load", the server's own
 * reason (zh or en) underneath, and a retry button that reloads what failed.
 */
@Component({
  selector: 'lx-load-failed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzIconModule, NzResultModule, TranslatePipe],
  template: `
    <nz-result nzStatus="error" [nzTitle]="'common.loadFailed' | t" [nzSubTitle]="message()">
      <div nz-result-extra>
        <button nz-button nzType="primary" data-testid="load-retry" (click)="retry.emit()"><nz-icon nzType="reload" />{{ 'common.retry' | t }}</button>
      </div>
    </nz-result>
  `,
})
export class LoadFailedComponent {
  /** Why, as the server said it (graphqlErrorMessage). */
  readonly message = input('');
  readonly retry = output<void>();
}

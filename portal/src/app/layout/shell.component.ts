import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { filter } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { I18nService } from '../core/i18n/i18n.service';
import { NARROW_SCREEN, mediaQuery } from '../shared/media-query';
import { TranslatePipe } from '../shared/translate.pipe';
// The component file, not the feature's index: only the badge belongs in the initial bundle.
import { AlertUnreadBadgeComponent } from '../features/alerts/alert-unread-badge.component';
import { MenuItem, menuFor } from './menu-items';


/** Signed-in frame: side menu (a drawer on phones), header with the unread alert count (HQ), user, language and logout. */
@Component({
  selector: 'lx-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterOutlet,
    RouterLink,
    NzLayoutModule,
    NzMenuModule,
    NzIconModule,
    NzButtonModule,
    NzDropDownModule,
    NzDrawerModule,
    TranslatePipe,
    AlertUnreadBadgeComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.less',
})
export class ShellComponent {
  protected readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  protected readonly collapsed = signal(false);
  protected readonly drawerOpen = signal(false);

  protected readonly menuItems = computed<MenuItem[]>(() => {
    const viewer = this.auth.viewer();
    return viewer ? menuFor(viewer) : [];
  });

  constructor() {
    // Close the phone drawer after any navigation (menu click or back button).
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.drawerOpen.set(false));
  }

  protected toggleMenu(): void {
    if (this.narrow()) this.drawerOpen.update((open) => !open);
    else this.collapsed.update((c) => !c);
  }

  protected logout(): void {
    void this.auth.logout();
  }
}

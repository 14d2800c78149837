import { afterNextRender, ChangeDetectionStrategy, Component, inject, Injector, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AdminStaffUserDto, StaffRole } from '@sportello/contracts';
import { STAFF_ROLES } from '@sportello/contracts';
import { StaffAuth } from '../../core/auth/staff-auth';
import { I18n, MessageKey } from '../../core/i18n/i18n';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { AdminApi } from './admin-api';
import { AdminText } from './admin-text';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FORM_KIT } from '../../shared/forms/field';
import { FormState } from '../../shared/forms/form-state';
import { OfficeDirectory } from './office-directory';
import { PasswordMeter } from './password-meter';

type Mode = { kind: 'new' } | { kind: 'edit'; user: AdminStaffUserDto } | { kind: 'password'; user: AdminStaffUserDto };

interface UserModel {
  username: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  password: string;
  officeIds: string[];
}

const ROLE_KEYS: Record<StaffRole, MessageKey> = {
  operator: 'staff.role.operator',
  manager: 'staff.role.manager',
  admin: 'staff.role.admin',
  kiosk: 'staff.role.kiosk',
};

/** /staff/admin/staff-users (admins): accounts, roles and offices; deactivate; reset a password. */
@Component({
  selector: 'sp-admin-staff-users',
  imports: [RouterLink, LoadingIndicator, ErrorSummary, FORM_KIT, PasswordMeter],
  templateUrl: './staff-users.html',
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffUsers {
  protected readonly text = inject(AdminText);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly directory = inject(OfficeDirectory);
  private readonly auth = inject(StaffAuth);
  private readonly injector = inject(Injector);

  protected readonly roles = STAFF_ROLES;
  protected readonly users = signal<AdminStaffUserDto[] | null>(null);
  protected readonly offices = this.directory.offices;
  protected readonly form = new FormState('user', { alias: (field) => (field.startsWith('officeIds[') ? 'officeIds' : field) });
  protected readonly mode = signal<Mode | null>(null);
  protected readonly model = signal<UserModel>({ username: '', displayName: '', role: 'operator', active: true, password: '', officeIds: [] });

  constructor() {
    void this.load();
    void this.directory.load().catch(() => undefined);
  }

  protected roleName(role: StaffRole): string {
    return this.i18n.t(ROLE_KEYS[role]);
  }

  protected isSelf(user: AdminStaffUserDto): boolean {
    return this.auth.user()?.id === user.id;
  }

  protected officeNames(user: AdminStaffUserDto): string {
    return user.role === 'admin' ? this.text.t('admin.staff.allOffices') : user.offices.map((o) => o.name).join(', ') || '—';
  }

  protected open(mode: Mode): void {
    this.form.clear();
    this.mode.set(mode);
    const user = mode.kind === 'new' ? null : mode.user;
    this.model.set({
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      role: user?.role ?? 'operator',
      active: user?.active ?? true,
      password: '',
      officeIds: user?.offices.map((o) => o.id) ?? [],
    });
    this.focus('user-form-title');
  }

  protected close(): void {
    this.mode.set(null);
    this.form.clear();
  }

  protected set(field: 'username' | 'displayName' | 'password' | 'role', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.model.update((m) => ({ ...m, [field]: value }));
  }

  protected setActive(event: Event): void {
    const active = (event.target as HTMLInputElement).checked;
    this.model.update((m) => ({ ...m, active }));
  }

  protected toggleOffice(officeId: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.model.update((m) => ({ ...m, officeIds: checked ? [...m.officeIds, officeId] : m.officeIds.filter((id) => id !== officeId) }));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const mode = this.mode();
    if (!mode || this.form.busy()) return;
    const m = this.model();
    this.form.start();
    try {
      let message: string;
      if (mode.kind === 'new') {
        const created = await this.api.createStaffUser({
          username: m.username,
          displayName: m.displayName,
          role: m.role,
          password: m.password,
          officeIds: m.role === 'admin' ? [] : m.officeIds,
        });
        message = this.text.t('admin.staff.created', { username: created.username });
      } else if (mode.kind === 'edit') {
        const saved = await this.api.updateStaffUser(mode.user.id, {
          displayName: m.displayName,
          role: m.role,
          active: m.active,
          officeIds: m.role === 'admin' ? [] : m.officeIds,
        });
        message = this.text.t('admin.staff.saved', { username: saved.username });
      } else {
        await this.api.resetPassword(mode.user.id, m.password);
        message = this.text.t('admin.staff.passwordReset', { username: mode.user.username });
      }
      this.model.update((x) => ({ ...x, password: '' }));
      this.mode.set(null);
      await this.load();
      this.form.done(message);
      this.focus('users-status');
    } catch (error) {
      this.model.update((x) => ({ ...x, password: '' }));
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }

  private async load(): Promise<void> {
    try {
      this.users.set(await this.api.staffUsers());
    } catch (error) {
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }

  private focus(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }
}

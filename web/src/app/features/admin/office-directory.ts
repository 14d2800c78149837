import { inject, Injectable, signal } from '@angular/core';
import type { AdminOfficeDto } from '@sportello/contracts';
import { AdminApi } from './admin-api';

/** The offices of the logged-in account, loaded once for the admin pages (reloaded after a change). */
@Injectable({ providedIn: 'root' })
export class OfficeDirectory {
  private readonly api = inject(AdminApi);
  private readonly list = signal<AdminOfficeDto[] | null>(null);
  private pending: Promise<AdminOfficeDto[]> | null = null;

  readonly offices = this.list.asReadonly();

  load(force = false): Promise<AdminOfficeDto[]> {
    const known = this.list();
    if (known && !force) return Promise.resolve(known);
    this.pending ??= this.api
      .offices()
      .then((offices) => {
        this.list.set(offices);
        return offices;
      })
      .finally(() => (this.pending = null));
    return this.pending;
  }

  find(officeId: string): AdminOfficeDto | null {
    return this.list()?.find((o) => o.id === officeId) ?? null;
  }
}

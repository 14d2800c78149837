import { effect, inject, Injectable, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n, MessageKey } from './i18n';

/**
 * Route titles are dictionary keys (`title: 'title.home'`); the document title follows
 * the route and the language: "Prenota un appuntamento – Sportello URP – Comune di …".
 */
@Injectable({ providedIn: 'root' })
export class I18nTitleStrategy extends TitleStrategy {
  private readonly i18n = inject(I18n);
  private readonly title = inject(Title);
  private readonly key = signal<MessageKey | null>(null);

  constructor() {
    super();
    effect(() => {
      const key = this.key();
      const parts = [this.i18n.t('app.name'), this.i18n.t('app.comune')];
      if (key) parts.unshift(this.i18n.t(key));
      this.title.setTitle(parts.join(' – '));
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key.set((this.buildTitle(snapshot) as MessageKey | undefined) ?? null);
  }
}

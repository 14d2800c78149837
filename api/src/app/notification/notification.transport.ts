import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<notification-id@sportello>`: a receiver can spot a duplicate. */
  messageId: string;
  attachments: Array<{ filename?: string; content: Buffer | string; contentType: string; cid?: string; contentDisposition?: 'inline' | 'attachment' }>;
}

/** What may be logged about a message: never the address or the name. */
export interface MailLabel {
  id: string;
  kind: string;
  code: string;
}

/**
 * nodemailer over SMTP (SMTP_URL), or, without SMTP_URL, each message as an .eml file in
 * MAIL_DIR (the embedded demo), built by nodemailer's stream transport.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;
  private readonly toFiles: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.toFiles = !config.mail.smtpUrl;
    this.transporter = config.mail.smtpUrl
      ? createTransport({
          url: config.mail.smtpUrl,
          // Reuse connections: one per message in flight, not one per message.
          pool: true,
          maxConnections: 4,
          // Bounded waits: a hung server must not hold a claimed batch past its claim.
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  describe(): string {
    return this.toFiles ? `writing .eml files to ${this.config.mail.dir}` : 'sending over SMTP';
  }

  async send(mail: OutgoingMail, label: MailLabel): Promise<void> {
    const info = await this.transporter.sendMail({ from: this.config.mail.from, ...mail });
    if (!this.toFiles) return;
    const dir = path.resolve(this.config.mail.dir);
    await mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(dir, `${stamp}-${label.kind}-${label.code}-${label.id.slice(0, 8)}.eml`);
    await writeFile(file, (info as { message: Buffer }).message);
    this.logger.log(`wrote ${label.kind} ${label.code} to ${path.join(this.config.mail.dir, path.basename(file))}`);
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

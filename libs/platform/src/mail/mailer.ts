import type { Transporter } from 'nodemailer';
import { nodemailer } from '../lazy/lazy-modules';
import { createLogger, type Logger } from '../logging/logger';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType?: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

/**
 * What happened to one message. A mail that could not go out is a fact to record (and retry or
 * show), never a reason to roll back the business transaction that produced it.
 */
export interface MailResult {
  sent: boolean;
  /** DISABLED (no SMTP_URL) or SEND_FAILED (the server refused or was unreachable). */
  reason?: 'DISABLED' | 'SEND_FAILED';
  messageId?: string;
  error?: string;
}

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://…; unset → mail is disabled. */
  smtpUrl?: string;
  /** From header; default `MAIL_FROM` or 联销 <noreply@lianxiao.local>. */
  from?: string;
  logger?: Logger;
}

export const DEFAULT_MAIL_FROM = '联销 Lianxiao <noreply@lianxiao.local>';

/** Sends mail over SMTP (nodemailer); configured from SMTP_URL, disabled when it is unset. */
export class Mailer {
  private readonly transport?: Transporter;
  private readonly from: string;
  private readonly logger: Logger;
  private warnedDisabled = false;

  constructor(options: MailerOptions = {}) {
    this.logger = options.logger ?? createLogger('mail');
    this.from = options.from ?? DEFAULT_MAIL_FROM;
    const url = options.smtpUrl?.trim();
    if (url) {
      // One connection per message (no pool): a receiver that restarts between sends is no problem.
      this.transport = nodemailer().createTransport(url);
    }
  }

  static fromEnv(env: Record<string, string | undefined> = process.env, logger?: Logger): Mailer {
    return new Mailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM?.trim() || undefined, logger });
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** Never throws: the result says whether the message went out. */
  async send(message: MailMessage): Promise<MailResult> {
    if (!this.transport) {
      if (!this.warnedDisabled) {
        this.warnedDisabled = true;
        this.logger.warn('SMTP_URL is not set: outgoing mail is disabled and recorded as not sent');
      }
      return { sent: false, reason: 'DISABLED' };
    }
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
      });
      return { sent: true, messageId: String(info.messageId ?? '') };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.logger.warn({ to: message.to, subject: message.subject, err: why }, 'mail not sent');
      return { sent: false, reason: 'SEND_FAILED', error: why };
    }
  }

  close(): void {
    this.transport?.close();
  }
}

import type { Logger } from 'pino';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Mail delivery sits behind this interface; an SMTP or SMS adapter plugs in here. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * The shipped mailer only writes the mail to the log: this machine reaches no mail service.
 * Invitation links are also shown in the console, so nothing depends on delivery.
 */
export function createLogMailer(logger: Logger): Mailer {
  return {
    async send(mail) {
      logger.info({ mail: { to: mail.to, subject: mail.subject } }, 'mail (log-only mailer)');
    },
  };
}

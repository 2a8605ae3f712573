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
 * Invitation links are also shown in the console; a buyer's sign-up link is only mailed, so the
 * text is logged too (this is where whoever runs the server reads it).
 */
export function createLogMailer(logger: Logger): Mailer {
  return {
    async send(mail) {
      logger.info({ mail }, 'mail (log-only mailer)');
    },
  };
}

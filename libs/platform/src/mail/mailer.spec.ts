import { startSmtpReceiver } from '@lianxiao/testing';
import { Mailer } from './mailer';

describe('Mailer', () => {
  it('delivers a message with an attachment to a real SMTP receiver', async () => {
    const receiver = await startSmtpReceiver();
    const mailer = new Mailer({ smtpUrl: receiver.url });
    try {
      const result = await mailer.send({
        to: 'finance@customer.example',
        subject: '对账单 2026-10',
        text: '请确认本月对账单',
        attachments: [{ filename: 'statement.pdf', content: Buffer.from('%PDF-1.3 test'), contentType: 'application/pdf' }],
      });
      expect(result.sent).toBe(true);
      const mail = await receiver.waitFor((m) => m.subject === '对账单 2026-10');
      expect(mail.text).toContain('请确认本月对账单');
      expect(mail.attachments.map((a) => a.filename)).toEqual(['statement.pdf']);
    } finally {
      mailer.close();
      await receiver.close();
    }
  });

  it('records "not sent" instead of failing when SMTP_URL is unset', async () => {
    const mailer = Mailer.fromEnv({});
    expect(mailer.enabled).toBe(false);
    await expect(mailer.send({ to: 'x@example.com', subject: 's', text: 't' })).resolves.toEqual({ sent: false, reason: 'DISABLED' });
  });

  it('records "not sent" when the server is unreachable', async () => {
    const receiver = await startSmtpReceiver();
    await receiver.close();
    const mailer = new Mailer({ smtpUrl: receiver.url });
    const result = await mailer.send({ to: 'x@example.com', subject: 's', text: 't' });
    expect(result).toMatchObject({ sent: false, reason: 'SEND_FAILED' });
  });
});

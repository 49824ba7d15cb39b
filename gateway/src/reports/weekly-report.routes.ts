import express from 'express';
import { createLogger, Mailer, Role, type Caller } from '@lianxiao/platform';
import { signAccessToken, verifyAccessToken } from '../identity/auth/access-token';
import { graphqlFetcher } from './weekly-report.data';
import { generateWeeklyReport, ReportJob, ReportJobs } from './weekly-report.jobs';

/**
 * The weekly PDF report over REST (a PDF is a file, not a GraphQL value):
 *   POST /reports/weekly            → 202 { id, status, progress, step }   (DIRECTOR or ADMIN)
 *   GET  /reports/weekly/:id        → { id, status, progress, step, notes, ms }
 *   GET  /reports/weekly/:id/pdf    → application/pdf
 * The data comes from the gateway's own /graphql with the caller's token, so subgraph access
 * rules apply unchanged. A Monday 08:00 (UTC+8) schedule mails it to WEEKLY_REPORT_TO.
 */
export interface ReportRoutesOptions {
  graphqlUrl: () => string;
  jwtSecret: string;
}

const REPORT_ROLES: readonly string[] = [Role.DIRECTOR, Role.ADMIN];

function view(job: ReportJob) {
  return { id: job.id, status: job.status, progress: job.progress, step: job.step, notes: job.notes, error: job.error, ms: (job.finishedAt ?? Date.now()) - job.startedAt };
}

export function reportRouter({ graphqlUrl, jwtSecret }: ReportRoutesOptions): express.Router {
  const router = express.Router();
  const jobs = new ReportJobs();
  const auth = (req: express.Request, res: express.Response): { caller: Caller; token: string } | null => {
    const match = /^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '');
    const verified = match ? verifyAccessToken(match[1].trim(), jwtSecret) : 'invalid';
    if (typeof verified === 'string') {
      res.status(401).json({ code: 'UNAUTHENTICATED', messageZh: '请先登录', messageEn: 'Sign in first' });
      return null;
    }
    if (!verified.roles.some((r) => REPORT_ROLES.includes(r))) {
      res.status(403).json({ code: 'FORBIDDEN', messageZh: '只有销售总监和管理员可以生成周报', messageEn: 'Only the director and administrators generate the weekly report' });
      return null;
    }
    return { caller: verified, token: match![1].trim() };
  };
  router.post('/weekly', (req, res) => {
    const who = auth(req, res);
    if (!who) return;
    const job = jobs.start(who.caller.userId, graphqlFetcher(graphqlUrl(), who.token));
    res.status(202).json(view(job));
  });
  router.get('/weekly/:id', (req, res) => {
    const who = auth(req, res);
    if (!who) return;
    const job = jobs.get(String(req.params.id), who.caller.userId);
    if (!job) return void res.status(404).json({ code: 'NOT_FOUND', messageZh: '报表不存在或已过期', messageEn: 'No such report (or it expired)' });
    res.json(view(job));
  });
  router.get('/weekly/:id/pdf', (req, res) => {
    const who = auth(req, res);
    if (!who) return;
    const job = jobs.get(String(req.params.id), who.caller.userId);
    if (!job || !job.pdf) return void res.status(404).json({ code: 'NOT_FOUND', messageZh: '报表尚未生成', messageEn: 'The report is not ready' });
    res.type('application/pdf').setHeader('content-disposition', `attachment; filename="weekly-report-${new Date(job.startedAt).toISOString().slice(0, 10)}.pdf"`);
    res.send(job.pdf);
  });
  return router;
}

/** Next Monday 08:00 in UTC+8 (= Monday 00:00 UTC) strictly after `from`. */
export function nextMondayMorning(from: Date): Date {
  const DAY = 86_400_000;
  const midnight = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  let at = midnight + ((8 - from.getUTCDay()) % 7) * DAY;
  if (at <= from.getTime()) at += 7 * DAY;
  return new Date(at);
}

/**
 * Mails the report every Monday morning. One timer per gateway process: with several gateway
 * replicas set WEEKLY_REPORT_SCHEDULE=off on all but one (or move this onto the platform's
 * leased scheduler once the identity database carries its lease table).
 */
export function scheduleWeeklyReport({ graphqlUrl, jwtSecret }: ReportRoutesOptions): () => void {
  const log = createLogger('gateway.weekly-report');
  if (process.env.WEEKLY_REPORT_SCHEDULE === 'off') return () => undefined;
  const to = process.env.WEEKLY_REPORT_TO ?? 'director@lianxiao.local';
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const at = nextMondayMorning(new Date());
    timer = setTimeout(() => void send().finally(arm), Math.min(at.getTime() - Date.now(), 2 ** 31 - 1));
    timer.unref();
  };
  const send = async () => {
    const token = signAccessToken({ userId: 'system-weekly-report', username: 'weekly-report', displayName: '周报', roles: [Role.DIRECTOR] }, jwtSecret, 300);
    try {
      const { pdf, notes } = await generateWeeklyReport(graphqlFetcher(graphqlUrl(), token));
      const date = new Date().toISOString().slice(0, 10);
      const result = await Mailer.fromEnv().send({
        to, subject: `联销销售周报 ${date}`, text: `销售周报见附件。${notes.length ? `\n说明：${notes.join('；')}` : ''}`,
        attachments: [{ filename: `weekly-report-${date}.pdf`, content: pdf, contentType: 'application/pdf' }],
      });
      log.info({ to, sent: result.sent, bytes: pdf.length }, 'weekly report mailed');
    } catch (e) {
      log.error({ err: (e as Error).message }, 'weekly report failed');
    }
  };
  arm();
  return () => timer && clearTimeout(timer);
}

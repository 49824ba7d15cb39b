import { randomUUID } from 'node:crypto';
import { renderPdf } from '@lianxiao/platform';
import { fetchWeeklyReportData, GraphQLFetch, REPORT_STEPS, ReportStep } from './weekly-report.data';
import { weeklyReportDocument } from './weekly-report.document';

export interface ReportJob {
  id: string;
  ownerId: string;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  step: ReportStep;
  /** 0–100 */
  progress: number;
  startedAt: number;
  finishedAt: number | null;
  pdf: Buffer | null;
  error: string | null;
  notes: string[];
}

/** Generation is cheap to redo: jobs and their PDFs live in memory for this long. */
const KEEP_MS = 30 * 60_000;

export async function generateWeeklyReport(fetchGql: GraphQLFetch, onStep: (step: ReportStep) => void = () => undefined): Promise<{ pdf: Buffer; notes: string[] }> {
  const data = await fetchWeeklyReportData(fetchGql, onStep);
  onStep('pdf');
  return { pdf: await renderPdf(weeklyReportDocument(data)), notes: data.notes };
}

export class ReportJobs {
  private readonly jobs = new Map<string, ReportJob>();

  start(ownerId: string, fetchGql: GraphQLFetch): ReportJob {
    this.sweep();
    const job: ReportJob = { id: randomUUID(), ownerId, status: 'RUNNING', step: REPORT_STEPS[0], progress: 0, startedAt: Date.now(), finishedAt: null, pdf: null, error: null, notes: [] };
    this.jobs.set(job.id, job);
    void generateWeeklyReport(fetchGql, (step) => {
      job.step = step;
      job.progress = Math.round((100 * REPORT_STEPS.indexOf(step)) / REPORT_STEPS.length);
    }).then(
      ({ pdf, notes }) => Object.assign(job, { status: 'DONE', progress: 100, pdf, notes, finishedAt: Date.now() }),
      (e: Error) => Object.assign(job, { status: 'FAILED', error: e.message, finishedAt: Date.now() }),
    );
    return job;
  }

  get(id: string, ownerId: string): ReportJob | null {
    const job = this.jobs.get(id);
    return job && job.ownerId === ownerId ? job : null;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt && now - job.finishedAt > KEEP_MS) this.jobs.delete(id);
  }
}

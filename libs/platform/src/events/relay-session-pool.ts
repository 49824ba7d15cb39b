import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Connections the MySQL relay pipeline reuses: READ COMMITTED and autocommit off for the session,
 * so a claim's first statement opens its transaction and COMMIT/ROLLBACK ends it, with no extra
 * round trips per batch. They are reset (isolation level as found, autocommit on) before going
 * back to the data source's pool.
 */
export class RelaySessionPool {
  private readonly idle: QueryRunner[] = [];
  private sessionIsolation: string | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async acquire(): Promise<QueryRunner> {
    const reused = this.idle.pop();
    if (reused) return reused;
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      if (this.sessionIsolation === undefined) {
        // MySQL 8 / MariaDB 11.1+: transaction_isolation; MariaDB 10.x: tx_isolation.
        const read = async (variable: string) => String((await runner.query(`SELECT @@SESSION.${variable} AS level`))[0].level);
        this.sessionIsolation = await read('transaction_isolation').catch(() => read('tx_isolation'));
      }
      await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      await runner.query('SET autocommit = 0');
      return runner;
    } catch (error) {
      await runner.release().catch(() => undefined);
      throw error;
    }
  }

  /** COMMIT or ROLLBACK; false when the connection is no longer usable. */
  async endTransaction(runner: QueryRunner, how: 'COMMIT' | 'ROLLBACK'): Promise<boolean> {
    try {
      await runner.query(how);
      return true;
    } catch {
      return false;
    }
  }

  /** Kept for the next claim while `keep` (the relay runs) and the connection works; else reset and released. */
  async giveBack(runner: QueryRunner, healthy: boolean, keep: boolean): Promise<void> {
    if (healthy && keep) {
      this.idle.push(runner);
      return;
    }
    await this.dispose(runner);
  }

  /** Resets and releases every idle connection (the relay stopped). */
  async drain(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((runner) => this.dispose(runner)));
  }

  private async dispose(runner: QueryRunner): Promise<void> {
    try {
      await runner.query('ROLLBACK');
      await runner.query('SET autocommit = 1');
      const level = (this.sessionIsolation ?? 'REPEATABLE-READ').replace(/[^A-Za-z-]/g, '').replace('-', ' ');
      await runner.query(`SET SESSION TRANSACTION ISOLATION LEVEL ${level}`);
    } catch {
      // A broken connection; the pool drops it.
    }
    await runner.release().catch(() => undefined);
  }
}

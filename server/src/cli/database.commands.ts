/** Running and keeping the platform: serve, migrate, seed the demo, verify the audit chain, back up, restore. */
import path from 'node:path';
import { systemContext } from '../platform/context.ts';
import { accountsDeps, audited, load, positiveNumber, withDatabase, type Command } from './command.ts';

export const databaseCommands: Command[] = [
  {
    name: 'serve',
    usage: 'jinke serve',
    summary: '启动服务 Start the server',
    help: 'Opens the database (PGlite in JINKE_DATA_DIR, or DATABASE_URL), applies migrations and reference data,\nand listens on HOST:PORT (default 127.0.0.1:8080). Never seeds demo data. Stops cleanly on Ctrl+C / SIGTERM.',
    arity: [0, 0],
    async run(inv) {
      const { startServer, closeOnSignals, describeDatabase } = await load.main();
      const server = await startServer({ config: inv.config });
      inv.out(`Jinke (晋科) listening on ${server.url} — ${describeDatabase(inv.config)}; Ctrl+C stops`);
      const signal = await closeOnSignals(server);
      inv.out(`Jinke stopped (${signal})`);
      return 0;
    },
  },
  {
    name: 'migrate',
    usage: 'jinke migrate',
    summary: '升级数据库结构 Apply database migrations',
    help: 'Applies the migrations the database lacks and loads the reference data (divisions).',
    arity: [0, 0],
    run: (inv) =>
      withDatabase(
        inv,
        async (db) => {
          const applied = await (await load.prepare()).prepareDatabase(db);
          if (applied.length)
            await audited(db, 'system.migrated', { entityType: 'database', changes: { applied } });
          inv.out(
            applied.length
              ? `applied ${applied.length} migration(s): ${applied.join(', ')}`
              : 'database is up to date',
          );
          return 0;
        },
        false,
      ),
  },
  {
    name: 'seed demo',
    usage: 'jinke seed demo [--scale N]',
    summary: '写入演示数据 Seed the demo data',
    help: 'Creates the demo accounts (password: JINKE_DEMO_PASSWORD or the default) and the demo records that are\nmissing. --scale N multiplies the generated records (default 1; 0.1 for a quick small set).\nNot for production databases.',
    options: { scale: { type: 'string' } },
    arity: [0, 0],
    run: (inv) =>
      withDatabase(inv, async (db) => {
        const scale = positiveNumber(inv.values.scale, '--scale', 1);
        const { seedDemo } = await import('../db/seed/demo.ts');
        const result = await seedDemo(accountsDeps(db, inv.config), systemContext('seed-demo'), {
          password: inv.config.demoPassword,
          scale,
        });
        await audited(db, 'system.demo_seeded', {
          entityType: 'database',
          changes: { scale, createdUsers: result.createdUsers },
        });
        inv.out(
          `demo data seeded (scale ${scale}); demo accounts created: ${result.createdUsers.join(', ') || 'none (they exist)'}`,
        );
        return 0;
      }),
  },
  {
    name: 'audit verify',
    usage: 'jinke audit verify',
    summary: '校验审计链 Verify the audit chain',
    help: 'Recomputes the SM3 hash chain of the audit log. Exit 0 when intact; exit 1 naming the first broken entry.',
    arity: [0, 0],
    run: (inv) =>
      withDatabase(inv, async (db) => {
        const { auditService } = await import('../modules/audit/index.ts');
        const result = await auditService({ db, clock: () => new Date() }).verify(
          systemContext('audit-verify'),
        );
        if (result.ok) {
          inv.out(`audit chain ok: ${result.entries} entries`);
          return 0;
        }
        inv.io.stderr.write(`audit chain broken at seq ${result.brokenAt}: ${result.reason}\n`);
        return 1;
      }),
  },
  {
    name: 'backup',
    usage: 'jinke backup FILE',
    summary: '备份数据库 Back up the database',
    help: "Writes every table (a consistent snapshot) to FILE as gzip'd JSON lines. The same file restores into\nPGlite or PostgreSQL. With PGlite, stop the server first (one process owns the data directory).",
    arity: [1, 1],
    run: (inv) =>
      withDatabase(
        inv,
        async (db) => {
          const file = path.resolve(inv.args[0]!);
          const { backupDatabase } = await import('../platform/backup.ts');
          const header = await backupDatabase(db, file);
          const rows = header.tables.reduce((n, t) => n + t.rows, 0);
          // A database never migrated has no trail to record the backup in (backups run before migrating).
          if (header.tables.some((t) => t.name === 'audit_head')) {
            await audited(db, 'system.backed_up', {
              entityType: 'database',
              changes: { file, tables: header.tables.length, rows },
            });
          }
          inv.out(`backup written to ${file}: ${header.tables.length} tables, ${rows} rows`);
          return 0;
        },
        false,
      ),
  },
  {
    name: 'restore',
    usage: 'jinke restore FILE [--force]',
    summary: '从备份恢复 Restore a backup',
    help: 'Loads FILE (from jinke backup) in one transaction. Refuses a database that holds users or audit entries\nunless --force, which replaces its contents. A damaged file changes nothing.',
    options: { force: { type: 'boolean' } },
    arity: [1, 1],
    run: (inv) =>
      withDatabase(
        inv,
        async (db) => {
          const file = path.resolve(inv.args[0]!);
          const force = inv.values.force === true;
          const { restoreDatabase } = await import('../platform/backup.ts');
          const summary = await restoreDatabase(db, file, { force });
          await (await load.prepare()).prepareDatabase(db);
          const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
          await audited(db, 'system.restored', {
            entityType: 'database',
            changes: {
              file,
              backupCreatedAt: summary.header.createdAt,
              tables: summary.tables.length,
              rows,
              force,
            },
          });
          inv.out(
            `restored ${file} (made ${summary.header.createdAt}): ${summary.tables.length} tables, ${rows} rows`,
          );
          if (summary.skipped.length)
            inv.out(`skipped tables this version no longer has: ${summary.skipped.join(', ')}`);
          inv.out(
            summary.chain.ok
              ? `audit chain ok: ${summary.chain.entries} entries`
              : `warning: audit chain broken at seq ${summary.chain.brokenAt}: ${summary.chain.reason}`,
          );
          return 0;
        },
        false,
      ),
  },
];

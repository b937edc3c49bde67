import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { createLogger, startPlatform } from '../../platform.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start the platform (migrates the database; seeds the demo on an empty one)')
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config);
      const t0 = performance.now();
      const platform = await startPlatform(config, log);
      const lines = [
        '',
        `  Rectify 政协评议整改平台 is running (${platform.database.engine}, ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
        `  公众门户 portal:   ${platform.address}/`,
        `  工作台 console:    ${platform.address}/console/`,
        `  API 文档 docs:     ${platform.address}/api/docs`,
        `  透明日志 log key:  ${platform.ledger.key.vkey}`,
      ];
      if (platform.demo) {
        lines.push(
          '',
          `  演示账号 demo accounts (password for all: ${platform.demo.password})`,
          `    ${platform.demo.usernames.join('  ')}`,
        );
      }
      console.log(lines.join('\n') + '\n');
      const shutdown = async (signal: string) => {
        log.info({ signal }, 'shutting down');
        await platform.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });
}

#!/usr/bin/env node
// The `jinke` command: loads the TypeScript sources through tsx and hands over to src/cli.ts.
import { register } from 'tsx/esm/api';

register();
const { runCli, processIo } = await import('../src/cli.ts');
const code = await runCli(process.argv.slice(2), processIo());
// Exit explicitly once output is flushed: a pool or timer left by a library must not keep the command alive.
process.stdout.write('', () => process.exit(code));

// Runs the CLI from source in a process of its own, like bin/runpath.js runs it from dist/:
//   node --import tsx test/server/support/runCli.ts serve --demo --port 0 --data <dir>
import { main } from '../../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

// A LowdbEventStore in a process of its own, for the tests that need a second process or a crash:
//   node --import tsx test/store/storeProcess.ts hold  <dataDir>          open, print `open <pid>`, stay until killed or stdin ends
//   node --import tsx test/store/storeProcess.ts try   <dataDir>          open, print `open` or `refused <code> <message as JSON>`, exit
//   node --import tsx test/store/storeProcess.ts storm <dataDir> <seed> <run>
//       append from 24 concurrent writers until killed; print `ack <incident> <firstSeq> <count> <token>` (and
//       `key <scope> <key>`, `opened <incident>`) the moment each append resolves, i.e. is acknowledged.
import { LowdbEventStore } from '../../src/store/lowdbEventStore.js';
import { StaleAppendError } from '../../src/store/eventStore.js';
import { seededRandom } from './seededRandom.js';

const [mode, dataDir = '', seedText = '1', runText = '0'] = process.argv.slice(2);

function onNotice(message: string): void {
  say(`notice ${JSON.stringify(message)}`);
}

function say(line: string): void {
  // Synchronous for a pipe on Linux: once written, the parent gets the line even if we are killed next.
  process.stdout.write(`${line}\n`);
}

async function hold(): Promise<void> {
  const store = await LowdbEventStore.open({ dataDir, onNotice });
  say(`open ${process.pid}`);
  process.stdin.resume();
  process.stdin.on('end', () => void store.close().then(() => process.exit(0)));
}

async function attempt(): Promise<void> {
  try {
    const store = await LowdbEventStore.open({ dataDir, onNotice });
    say('open');
    await store.close();
  } catch (error) {
    const e = error as Error & { code?: string };
    say(`refused ${e.code ?? e.name} ${JSON.stringify(e.message)}`);
    process.exitCode = 1;
  }
}

const SHARED = ['inc-0', 'inc-1', 'inc-2', 'inc-3'];
const WRITERS = 24;

async function storm(): Promise<void> {
  const store = await LowdbEventStore.open({ dataDir, onNotice });
  const random = seededRandom(Number(seedText));
  const run = Number(runText);
  say('ready');
  const writer = async (w: number): Promise<void> => {
    for (let n = 0; ; n++) {
      const token = `${run}.${w}.${n}`;
      const roll = random();
      let incidentId = SHARED[Math.floor(random() * SHARED.length)] ?? 'inc-0';
      let count = 1 + Math.floor(random() * 3);
      let text = 'x';
      let idempotency;
      let expectedLastSeq: number | undefined;
      if (roll < 0.05) {
        incidentId = `inc-${token}`;
        idempotency = { scope: 'incidents', key: `open-${token}`, fingerprint: 'f', response: { status: 201, body: { id: incidentId } } };
      } else if (roll < 0.25) {
        idempotency = { scope: incidentId, key: `k-${token}`, fingerprint: 'f', response: { status: 201, body: { token } } };
      } else if (roll < 0.4) {
        expectedLastSeq = (await store.read(incidentId, 0)).length;
      } else if (roll < 0.5) {
        // Big appends span pages, so a kill can land in the middle of one write.
        count = 12;
        text = 'y'.repeat(1500);
      }
      const drafts = Array.from({ length: count }, (_, k) => ({ type: 'note.added', actor: { kind: 'user' as const, name: `w${w}` }, data: { token, k, text } }));
      try {
        const events = await store.append({ incidentId, drafts, ...(idempotency ? { idempotency } : {}), ...(expectedLastSeq === undefined ? {} : { expectedLastSeq }) });
        say(`ack ${incidentId} ${events[0]?.seq ?? 0} ${events.length} ${token}`);
        if (idempotency) say(`key ${idempotency.scope} ${idempotency.key}`);
        if (idempotency?.scope === 'incidents') say(`opened ${incidentId}`);
      } catch (error) {
        if (!(error instanceof StaleAppendError)) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
}

const modes: Record<string, () => Promise<void>> = { hold, try: attempt, storm };
const run = modes[mode ?? ''];
if (!run || dataDir === '') {
  process.stderr.write('usage: storeProcess.ts hold|try|storm <dataDir> [seed] [run]\n');
  process.exit(2);
}
run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

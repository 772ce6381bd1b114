import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cliIo.js';
import { main } from '../../src/cli/main.js';
import type { WalkDeps } from '../../src/cli/walkCommand.js';
import { walkCommand } from '../../src/cli/walkCommand.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/walk');
const AT = '1714564800';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function walk(args: string[], options: { interactive?: boolean; env?: Record<string, string>; deps?: WalkDeps } = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: FIXTURES, env: options.env ?? { NO_COLOR: '1' }, interactive: options.interactive ?? false };
  const code = await walkCommand(args, io, options.deps);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Through the dispatcher, so usage errors become exit 2 with their message. */
async function viaMain(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: FIXTURES, env: {}, interactive: false };
  const code = await main(['walk', ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A prompt that replies from a script and records what it was asked; null once the script runs out. */
function scripted(replies: string[]): { prompt: WalkDeps['prompt']; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    prompt: (text) => {
      asked.push(text);
      return Promise.resolve(replies.shift() ?? null);
    },
  };
}

const SCENARIO = ['--scenario', 'disk-full.scenario.yaml', '--input', 'cluster=prod', '--label', 'zone=eu-1', '--at', AT];

/** A local port with nothing listening: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('runpath walk (text)', () => {
  it('walks a runbook on a scenario to its end, printing values, matches, branches and the outcome', async () => {
    const run = await walk(['disk-full', ...SCENARIO]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        'walk disk-full: Disk is filling up (runbooks/disk-full.yaml)',
        '  inputs: mount=/var, cluster=prod',
        '  labels: zone=eu-1',
        '  time: 2024-05-01T12:00:00.000Z (1714564800)',
        '  metrics: scenario disk-full.scenario.yaml',
        '',
        '▸ usage check How full is /var?',
        '    query (prom, scenario): max by (instance) (disk_used_ratio{mountpoint="/var",cluster="prod",zone="eu-1"})',
        '    2 series:',
        '      {instance="node-1"} 0.95 ratio  ← matches',
        '      {instance="node-2"} 0.42 ratio',
        '    → branch 1 (> 0.9): above 90% → clean',
        '',
        '▸ clean action Clean up /var (mitigation)',
        '    Delete old logs under /var/log.',
        "    Keep today's.",
        '    ↗ Disk dashboard: https://grafana.example.com/d/disk',
        '    done → verify',
        '',
        '▸ verify check Is there room again?',
        '    query (eyes, scenario): disk usage of /var on the dashboard',
        '    value 0.85',
        '    → default (no branch matched) → clean',
      ].join('\n'),
    );
    expect(run.stdout).toContain('▸ verify check Is there room again? (visit 2)\n');
    expect(run.stdout.trimEnd().split('\n').slice(-4)).toEqual([
      '■ fixed end',
      '    Space freed; find out what filled it.',
      '',
      '✔ walk ended at fixed · outcome: mitigated · handoff: storage-team',
    ]);
  });

  it('fills an input from the alert label it names', async () => {
    const run = await walk(['disk-full', '--scenario', 'disk-full.scenario.yaml', '--label', 'cluster_name=edge', '--label', 'zone=z', '--at', AT]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  inputs: mount=/var, cluster=edge\n');
    expect(run.stdout).toContain('cluster="edge",zone="z"');
  });

  it('uses --answer and --action, repeating the last given for later visits', async () => {
    const run = await walk(['disk-full', ...SCENARIO, '--action', 'clean=done', '--action', 'clean=skipped']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('    skipped → escalate\n');
    expect(run.stdout).toContain('✔ walk ended at escalate · outcome: escalate · handoff: storage-team');
  });

  it('stops with exit 1 at a question without an answer when nobody can be asked, naming the flags to add', async () => {
    const run = await walk(['runbooks/disk-full.yaml', '--input', 'cluster=prod', '--label', 'zone=a', '--at', AT]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('▸ ask question Look by hand\n    Prometheus cannot tell; what does `df -h /var` say?\n      1) Full — above 90%\n      2) Not sure what I see\n      3) Fine\n');
    expect(run.stderr).toBe(
      "runpath walk: question 'ask' needs an answer and there is no terminal to ask; add --answer ask=Full or --answer 'ask=Not sure what I see' or --answer ask=Fine\n",
    );
  });

  it('follows on_error when a Prometheus source has no URL, saying what to set', async () => {
    const run = await walk(['disk-full', '--input', 'cluster=prod', '--label', 'zone=a', '--at', AT, '--answer', 'ask=Fine']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("    ✗ error: the runbook's URL for source 'prom' uses ${PROMETHEUS_URL}, which is not set;");
    expect(run.stdout).toContain('    → on_error → ask\n');
    expect(run.stdout).toContain('✔ walk ended at fine · outcome: false_alarm');
  });

  it('follows on_error when Prometheus refuses the connection, with the reason', async () => {
    const port = await closedPort();
    const run = await walk(['disk-full', '--input', 'cluster=prod', '--label', 'zone=a', '--at', AT, '--answer', 'ask=Fine', '--source', `prom=http://127.0.0.1:${port}`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ {4}✗ error: .*refused/);
    expect(run.stdout).toContain('    → on_error → ask\n');
  });

  it('follows on_error when an alert label the query needs is missing', async () => {
    const run = await walk(['disk-full', '--scenario', 'disk-full.scenario.yaml', '--input', 'cluster=prod', '--at', AT, '--answer', 'ask=Fine']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("    ✗ error: the query could not be rendered: the query uses alert label 'zone', which the walk has no value for;");
    expect(run.stdout).toContain('--label zone=…');
  });

  it('stops at a manual check when nobody can type the value', async () => {
    const run = await walk(['disk-full', '--input', 'cluster=prod', '--label', 'zone=a', '--at', AT, '--answer', 'ask=Full']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("runpath walk: check 'verify' reads manual source 'eyes', whose value a person types; run in a terminal, or pass --scenario\n");
  });

  it('stops after --max-steps', async () => {
    const run = await walk(['disk-full', ...SCENARIO, '--max-steps', '2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("runpath walk: stopped after 2 steps at 'verify' (--max-steps 2)\n");
  });

  it('reports the end by max_visits, with exit 0', async () => {
    const stuck = await walk(['disk-full', '--scenario', 'stuck.scenario.yaml', '--input', 'cluster=p', '--label', 'zone=a', '--at', AT]);
    expect(stuck.code).toBe(0);
    expect(stuck.stdout).toContain("■ walk ended by max_visits: 'verify' may be entered at most 2 times · outcome: escalate\n");
  });

  it('reads the clock for each check when --at is absent', async () => {
    let ms = 1_714_564_800_000;
    const run = await walk(['disk-full', '--scenario', 'disk-full.scenario.yaml', '--input', 'cluster=p', '--label', 'zone=a', '--format', 'json'], {
      deps: { now: () => (ms += 60_000) },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('"at"');
    expect(ms).toBe(1_714_564_800_000 + 3 * 60_000);
  });

  it('keeps escape sequences from labels out of the terminal', async () => {
    const run = await walk(['disk-full', '--scenario', 'disk-full.scenario.yaml', '--input', 'cluster=p', '--label', 'zone=\u001b[2J', '--at', AT]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toContain('zone="\\u001b[2J"');
    expect(run.stdout).toContain('labels: zone=\uFFFD[2J');
  });
});

describe('runpath walk --format json', () => {
  it('prints one event per line, check events with their query, source and duration', async () => {
    const run = await walk(['disk-full', ...SCENARIO, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const events = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });
    expect(events.map((e) => e.type)).toEqual([
      'step.entered', 'check.evaluated', 'step.entered', 'action.completed', 'step.entered', 'check.evaluated',
      'step.entered', 'action.completed', 'step.entered', 'check.evaluated', 'step.entered', 'walk.ended',
    ]);
    expect(events[1]).toEqual({
      type: 'check.evaluated',
      data: {
        node: 'usage',
        value: 0.95,
        series: [{ labels: { instance: 'node-1' }, value: 0.95, matched: true }, { labels: { instance: 'node-2' }, value: 0.42, matched: false }],
        branch: 0,
        next: 'clean',
        reduce: 'any',
        query: 'max by (instance) (disk_used_ratio{mountpoint="/var",cluster="prod",zone="eu-1"})',
        source: 'prom',
        sourceType: 'fixture',
        durationMs: expect.any(Number) as unknown,
      },
    });
    expect(events.at(-1)).toEqual({ type: 'walk.ended', data: { node: 'fixed', outcome: 'mitigated', by: 'end', handoff: 'storage-team' } });
  });

  it('spells infinite values as Prometheus does, since JSON has no Infinity', async () => {
    const run = await walk(['disk-full', '--scenario', 'infinite.scenario.yaml', '--input', 'cluster=p', '--label', 'zone=a', '--at', AT, '--format', 'json']);
    const evaluated = run.stdout.split('\n').find((l) => l.includes('check.evaluated')) ?? '';
    expect(evaluated).toContain('"value":"+Inf"');
  });
});

describe('runpath walk (interactive)', () => {
  it('asks questions with numbered answers, accepts a number or the text, and re-asks on nonsense', async () => {
    const { prompt, asked } = scripted(['7', 'full', 'x', 's']);
    const run = await walk(['disk-full', '--input', 'cluster=p', '--label', 'zone=a', '--at', AT], { interactive: true, deps: { prompt } });
    expect(asked).toEqual(['    answer (1-3): ', '    answer (1-3): ', '    done or skip? [D/s]: ', '    done or skip? [D/s]: ']);
    expect(run.stdout).toContain('    type a number from 1 to 3, or an answer as written\n');
    expect(run.stdout).toContain('    answer: Full → clean\n');
    expect(run.stdout).toContain('    type d (done, the default) or s (skip)\n');
    expect(run.stdout).toContain('    skipped → escalate\n');
    expect(run.code).toBe(0);
  });

  it('asks for manual values, showing what to read', async () => {
    const { prompt, asked } = scripted(['1', '', 'abc', '0.5']);
    const run = await walk(['disk-full', '--input', 'cluster=p', '--label', 'zone=a', '--at', AT], { interactive: true, deps: { prompt } });
    expect(asked.slice(-2)).toEqual(['    value: ', '    value: ']);
    expect(run.stdout).toContain('    read by hand (eyes): disk usage of /var on the dashboard\n');
    expect(run.stdout).toContain("    type a number, 'no data' or 'error'\n");
    expect(run.stdout).toContain('    query (eyes, typed by hand): disk usage of /var on the dashboard\n    value 0.5\n');
    expect(run.stdout).toContain('✔ walk ended at fixed');
    expect(run.code).toBe(0);
  });

  it('stops with exit 1 when input ends at a question or a manual check', async () => {
    const atQuestion = await walk(['disk-full', '--input', 'cluster=p', '--label', 'zone=a', '--at', AT], { interactive: true, deps: { prompt: scripted([]).prompt } });
    expect(atQuestion.code).toBe(1);
    expect(atQuestion.stderr).toBe("runpath walk: no answer for question 'ask'; input ended\n");
    const atManual = await walk(['disk-full', '--input', 'cluster=p', '--label', 'zone=a', '--at', AT], { interactive: true, deps: { prompt: scripted(['1', 'd']).prompt } });
    expect(atManual.code).toBe(1);
    expect(atManual.stderr).toBe("runpath walk: no value for check 'verify'; input ended\n");
  });

  it('colours its output on a terminal unless NO_COLOR is set', async () => {
    const { prompt } = scripted(['3']);
    const run = await walk(['disk-full', '--input', 'cluster=p', '--label', 'zone=a', '--at', AT], { interactive: true, env: {}, deps: { prompt } });
    expect(run.stdout).toContain('\u001b[1m▸ usage\u001b[22m');
  });

  it('stops after five unusable replies instead of asking forever', async () => {
    const { prompt, asked } = scripted(['x', 'y', 'z', '0', '99', '1']);
    const run = await walk(['disk-full', '--input', 'cluster=p', '--label', 'zone=a', '--at', AT], { interactive: true, deps: { prompt } });
    expect(asked).toHaveLength(5);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("runpath walk: no answer for question 'ask'; no usable reply in 5 tries\n");
  });

  it('in json mode, asks on stderr so stdout stays JSON', async () => {
    const { prompt } = scripted(['3']);
    const run = await walk(['disk-full', '--input', 'cluster=p', '--label', 'zone=a', '--at', AT, '--format', 'json'], { interactive: true, deps: { prompt } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Prometheus cannot tell; what does `df -h /var` say?\n      1) Full — above 90%\n');
    for (const line of run.stdout.trimEnd().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});

describe('runpath walk refusals', () => {
  it('refuses a runbook with errors, printing them', async () => {
    const run = await walk(['broken/broken.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        "broken/broken.yaml:12:11: error: `next` names node 'nowhere', which does not exist; add a node 'nowhere' under `nodes` or point `next` at an existing one [dangling-target]",
        'runpath walk: broken/broken.yaml has 1 error; fix it before it can be walked (details: runpath validate broken/broken.yaml)',
        '',
      ].join('\n'),
    );
  });

  it('names the known ids for an unknown one', async () => {
    const run = await walk(['disk-ful']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("runpath walk: no runbook with id 'disk-ful' in runbooks. Known ids: disk-full.\n");
  });

  it('refuses a scenario written for another runbook', async () => {
    const run = await walk(['disk-full', '--scenario', 'other.scenario.yaml', '--input', 'cluster=p']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("other.scenario.yaml:1:10: error: this scenario is for runbook 'checkout-5xx', not 'disk-full'");
    expect(run.stderr).toContain("runpath walk: the scenario other.scenario.yaml cannot feed runbook 'disk-full'; fix the problems above\n");
  });

  it('refuses a scenario that does not exist', async () => {
    const run = await walk(['disk-full', '--scenario', 'nope.yaml', '--input', 'cluster=p']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nope.yaml:1:1: error: cannot read the scenario: it does not exist [read-error]');
  });

  it.each([
    [[], 'missing the runbook'],
    [['disk-full', '--at', 'yesterday'], "--at 'yesterday' is not a time"],
    [['disk-full', '--format', 'xml'], "unknown format 'xml'"],
    [['disk-full', '--input', 'cluster'], "--input 'cluster' is not name=value"],
    [['disk-full', '--input', 'cluster=a', '--input', 'cluster=b'], '--input cluster=… is given twice'],
    [['disk-full', '--input', 'clustr=a'], "--input clustr=…: runbook 'disk-full' has no input 'clustr' (did you mean 'cluster'?); its inputs are 'mount', 'cluster'"],
    [['disk-full', '--input', 'cluster=a', '--input', 'mount=C:'], "input 'mount' is 'C:', which does not match its pattern"],
    [['disk-full'], "input 'cluster' has no value and no default"],
    [['disk-full', '--source', 'eyes=http://x'], "source 'eyes' is a manual source; --source sets the URL of prometheus sources only"],
    [['disk-full', '--source', 'pro=http://x'], "has no source 'pro' (did you mean 'prom'?)"],
    [['disk-full', '--answer', 'ask=Maybe'], "--answer ask=Maybe: 'Maybe' is not an answer of question 'ask'; use one of 'Full', 'Not sure what I see', 'Fine'"],
    [['disk-full', '--answer', 'clean=Full'], "--answer clean=…: 'clean' is an action, not a question; its questions are 'ask'"],
    [['disk-full', '--action', 'clean=later'], '--action clean=later: the result must be done or skipped'],
    [['disk-full', '--action', 'verify=done'], "--action verify=…: 'verify' is a check, not an action"],
    [['disk-full', '--max-steps', '0'], "--max-steps '0' must be a whole number"],
    [['disk-full', '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 on usage errors: %j', async (args, message) => {
    const run = await viaMain(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("Run 'runpath walk --help' for usage.");
  });

  it('prints its help', async () => {
    const run = await viaMain(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: runpath walk <runbook-file-or-id> \[options\]/);
    expect(run.stdout).toContain('--answer <node=label>');
  });

  it('is listed by runpath --help', async () => {
    const out: string[] = [];
    const code = await main(['--help'], { stdout: (t) => out.push(t), stderr: () => undefined, cwd: FIXTURES, env: {}, interactive: false });
    expect(code).toBe(0);
    expect(out.join('')).toContain('  walk       walk a runbook against live metrics');
  });
});

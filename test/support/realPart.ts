import { spawnSync } from 'node:child_process';

/**
 * Whether a real part (a binary from Debian's packages) can run here. Tests skip, saying so, when it
 * cannot; under CI (`.ci/run` sets RUNPATH_REQUIRE_REAL_PARTS=1) a missing part is an error instead,
 * so a broken install step can never turn into a quietly skipped suite.
 */
export function realPartAvailable(bin: string, args: string[] = ['--version']): boolean {
  const ok = spawnSync(bin, args, { stdio: 'ignore', timeout: 10_000 }).status === 0;
  if (!ok && process.env.RUNPATH_REQUIRE_REAL_PARTS === '1') {
    throw new Error(`${bin} is required here (RUNPATH_REQUIRE_REAL_PARTS=1) but does not run; .ci/run installs it with apt-get`);
  }
  return ok;
}

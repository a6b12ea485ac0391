// Child processes for the HTTP benchmarks: started with their output in a file (as a service's log
// redirect would be, so the parent spends nothing reading it), found by their "started" log line,
// measured by the CPU time Linux counts for them, stopped with SIGTERM.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';

let ticksPerSecond;
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU time of a process in ms, from /proc (undefined where there is none). */
export function cpuMsOf(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return undefined;
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}

/**
 * Runs `node ...args` with `env` (and nothing else inherited but PATH), output to `logFile`, and
 * resolves once a line with "event":"started" gives the URL. `command` ([program, its own args]) runs
 * node through another program instead, e.g. valgrind (node's path among its args).
 */
export async function startChild(name, args, { env, cwd, logFile, timeoutMs = 120_000, command }) {
  const fd = openSync(logFile, 'w');
  const [program, before] = command ?? [process.execPath, []];
  const child = spawn(program, [...before, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exitCode;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exitCode = code ?? signal))));
  const output = () => readFileSync(logFile, 'utf8');
  const began = performance.now();
  for (;;) {
    const started = output().split('\n').find((line) => line.includes('"event":"started"'));
    if (started) {
      const line = JSON.parse(started);
      return { name, child, pid: child.pid, url: line.url.replace('localhost', '127.0.0.1'), line, startMs: performance.now() - began, exited, output, stop: () => stop(child, exited) };
    }
    if (exitCode !== undefined || performance.now() - began > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start (exit ${exitCode ?? 'none, timed out'}):\n${output().slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stop(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

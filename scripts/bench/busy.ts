/** `--busy`: one CPU-bound process beside the bench (a Node busy loop), so long-task margins are measured on a busy machine. */
import { spawn } from 'node:child_process';

/** Starts the busy process; the returned function stops it (by its own pid). Also stopped when the bench exits. */
export function startBusy(): () => void {
  const child = spawn(process.execPath, ['-e', 'let x = 0; for (;;) { x = (x * 1103515245 + 12345) % 2147483648; }'], { stdio: 'ignore' });
  const stop = () => {
    if (child.exitCode === null && child.pid !== undefined) child.kill('SIGKILL');
  };
  process.once('exit', stop);
  return stop;
}

import { createInterface } from 'node:readline';

/** Shows `text` and resolves with the line typed, or null when input ended (Ctrl-D, Ctrl-C, closed pipe). */
export type Prompt = (text: string) => Promise<string | null>;

export interface TerminalPrompt {
  ask: Prompt;
  close: () => void;
}

/**
 * A line prompt on the process's stdin. Created only when a walk has to ask, and closed when
 * the walk stops, so a finished walk never keeps the process waiting on stdin.
 */
export function terminalPrompt(output: NodeJS.WritableStream): TerminalPrompt {
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  let closed = false;
  rl.on('close', () => {
    closed = true;
  });
  // Without a listener readline pauses on Ctrl-C and the walk would wait forever.
  rl.on('SIGINT', () => {
    rl.close();
  });
  const ask: Prompt = (text) =>
    new Promise((resolve) => {
      if (closed) {
        resolve(null);
        return;
      }
      const onLine = (line: string): void => {
        rl.off('close', onClose);
        resolve(line);
      };
      const onClose = (): void => {
        rl.off('line', onLine);
        resolve(null);
      };
      rl.once('line', onLine);
      rl.once('close', onClose);
      rl.setPrompt(text);
      rl.prompt();
    });
  return {
    ask,
    close: () => {
      rl.close();
    },
  };
}

import { createInterface } from 'node:readline';

/** Asks a yes/no question on the terminal (stderr, so stdout stays clean); only "y" or "yes" is a yes. */
export function confirm(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const terminal = createInterface({ input: process.stdin, output: process.stderr });
    let answered = false;
    terminal.question(`${question} [y/N] `, (answer) => {
      answered = true;
      terminal.close();
      resolve(/^\s*y(es)?\s*$/i.test(answer));
    });
    terminal.on('close', () => {
      if (!answered) resolve(false);
    });
  });
}

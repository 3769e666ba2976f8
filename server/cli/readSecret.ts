import { createInterface } from 'node:readline';

/** Reads the first line of stdin (piped, or typed at a terminal, where it is echoed: prefer DESK_PASSWORD there). */
export async function readSecret(stdin: NodeJS.ReadableStream & { isTTY?: boolean }, prompt: string): Promise<string> {
  if (stdin.isTTY) process.stderr.write(prompt);
  const rl = createInterface({ input: stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  throw new Error('no password given: set DESK_PASSWORD or pipe it on stdin');
}

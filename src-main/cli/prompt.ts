import readline from 'node:readline';

/** The password from CIVREG_PASSWORD, else asked on the terminal without echo. */
export async function readPassword(label: string): Promise<string> {
  if (process.env.CIVREG_PASSWORD) return process.env.CIVREG_PASSWORD;
  if (!process.stdin.isTTY) throw new Error(`需要${label}：请设置环境变量 CIVREG_PASSWORD`);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(`${label}：`);
  muted._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

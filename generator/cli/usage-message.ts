/**
 * yargs' own validation messages, reworded for the user: yargs names an unknown option without its
 * dashes ("Unknown argument: tempaltes", the same words as for a stray positional), and answers a
 * misspelt command with "Did you mean generate?" alone.
 */

const UNKNOWN = /^Unknown arguments?: (.+)$/;
const DID_YOU_MEAN = /^Did you mean (\S+)\?$/;

/** What the user typed for the name yargs reports: `--name`, `-n`, or the word itself. */
function asTyped(name: string, argv: readonly string[]): { readonly text: string; readonly option: boolean } {
  // yargs reports `--foo-bar` twice, also as its camel-case alias fooBar.
  const kebab = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  for (const token of argv) {
    for (const form of new Set([name, kebab])) {
      if (token === `--${form}` || token.startsWith(`--${form}=`)) return { text: `--${form}`, option: true };
    }
    if (token === `-${name}`) return { text: `-${name}`, option: true };
  }
  return { text: name, option: false };
}

/**
 * Where a usage error sends the user: `volet <command> --help` once the command is known.
 * @param message - the error's message
 * @param argv - the arguments after the program name
 */
export function helpCommand(message: string, argv: readonly string[]): string {
  const first = argv[0];
  const known = first !== undefined && !first.startsWith('-') && !message.startsWith('unknown command');
  return known ? `volet ${first} --help` : 'volet --help';
}

/**
 * The message for a yargs validation failure, given the command line it came from.
 * @param message - yargs' message
 * @param argv - the arguments after the program name
 */
export function usageMessage(message: string, argv: readonly string[]): string {
  const first = argv[0];
  const suggestion = DID_YOU_MEAN.exec(message);
  if (suggestion !== null && first !== undefined) return `unknown command ${first}; did you mean ${suggestion[1]}?`;
  const unknown = UNKNOWN.exec(message);
  if (unknown === null) return message;
  const typed = (unknown[1] as string).split(', ').map((name) => asTyped(name, argv));
  const names = typed.filter((n, i) => typed.findIndex((m) => m.text === n.text) === i);
  if (names.length === 1 && !names[0]?.option && names[0]?.text === first) return `unknown command ${first}`;
  const options = names.filter((n) => n.option).map((n) => n.text);
  const others = names.filter((n) => !n.option).map((n) => n.text);
  const parts: string[] = [];
  if (options.length > 0) parts.push(`unknown option${options.length > 1 ? 's' : ''} ${options.join(', ')}`);
  if (others.length > 0) parts.push(`unexpected argument${others.length > 1 ? 's' : ''} ${others.join(', ')}`);
  return parts.join('; ');
}

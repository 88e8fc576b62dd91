/** Threadline's console voice: one clear, prefixed warning per problem, never a stream of noise. */

const said = new Set<string>();

/** Warn once per distinct message. */
export function warnOnce(message: string, detail?: unknown): void {
  if (said.has(message)) return;
  said.add(message);
  if (detail === undefined) console.warn(`Threadline: ${message}`);
  else console.warn(`Threadline: ${message}`, detail);
}

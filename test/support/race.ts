/** One try to take a unit: it worked, it was cleanly refused, or something else went wrong (`unexpected`). */
export type Attempt = { ok: true } | { ok: false; unexpected?: string | undefined };

export interface Tally {
  succeeded: number;
  refused: number;
  unexpected: string[];
}

/** A safety stop: with a correct guard every client is refused long before this. */
const MAX_ATTEMPTS_PER_CLIENT = 200;

/**
 * Runs `clients` concurrent loops; each keeps calling `attempt` until it is refused, so the last
 * units are contested by everyone at once. Stock only ever goes down in these races, so the first
 * refusal a client sees is final.
 */
export async function raceToSellOut(clients: number, attempt: (client: number) => Promise<Attempt>): Promise<Tally> {
  const tally: Tally = { succeeded: 0, refused: 0, unexpected: [] };
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < MAX_ATTEMPTS_PER_CLIENT; i++) {
        const outcome = await attempt(client);
        if (outcome.ok) {
          tally.succeeded++;
          continue;
        }
        if (outcome.unexpected !== undefined) tally.unexpected.push(`client ${client}: ${outcome.unexpected}`);
        else tally.refused++;
        return;
      }
      tally.unexpected.push(`client ${client} was never refused`);
    }),
  );
  return tally;
}

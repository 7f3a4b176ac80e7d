/** context.sync() that tells the caller of each round trip, so the budget of syncs can be reported and tested. */
export function countingSync(context: Excel.RequestContext, counted: () => void): () => Promise<void> {
  return async () => {
    counted();
    await context.sync();
  };
}

/**
 * Steps that undo a start, run last-in first-out. Every step runs even when an earlier one fails,
 * so a failing watcher cannot leave DynamoDB Local or a worker running; the failures are thrown
 * together afterwards.
 */
export class Cleanups {
  readonly #steps: Array<() => Promise<void>> = [];

  add(step: () => Promise<void>): void {
    this.#steps.push(step);
  }

  /**
   * Runs and forgets every step added so far.
   *
   * @throws the failure of a step, or an AggregateError when several failed.
   */
  async run(): Promise<void> {
    const failures: unknown[] = [];
    for (const step of this.#steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, 'Several cleanup steps failed');
  }
}

/**
 * Runs a job whenever it is woken, never twice at once. Wake-ups that arrive while the job runs
 * fold into one more run, so a burst of them costs a few runs, not one each. The job answers
 * whether more work is waiting (a full batch), which runs it again straight away.
 */
export class WakeLoop {
  private wanted = false;
  /** Set and cleared synchronously around the loop, so a wake-up is either seen by the loop or starts a new one. */
  private busy = false;
  private last: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly job: () => Promise<{ more: boolean }>,
    private readonly onError: (error: unknown) => void,
  ) {}

  wake(): void {
    this.wanted = true;
    if (this.busy || this.stopped) return;
    this.busy = true;
    this.last = this.drain();
  }

  /** Lets a run under way finish and starts no other. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.last;
  }

  private async drain(): Promise<void> {
    try {
      while (this.wanted && !this.stopped) {
        this.wanted = false;
        if ((await this.job()).more) this.wanted = true;
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.busy = false;
    }
  }
}

/** A failure of the run itself (exit 2): a one-line reason plus details for stderr. */
export class RunFailure extends Error {
  constructor(readonly reason: string, readonly details: readonly string[] = []) {
    super(reason);
  }
}

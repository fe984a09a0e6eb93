/** A mistake on the command line: exit 2 with the message. */
export class UsageError extends Error {}

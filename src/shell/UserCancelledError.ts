/** Thrown when the user dismisses a picker or a confirmation: the command stops quietly. */
export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled by the user');
    this.name = 'UserCancelledError';
  }
}

export function isUserCancelled(error: unknown): boolean {
  return error instanceof UserCancelledError || (error instanceof Error && error.name === 'AbortError');
}

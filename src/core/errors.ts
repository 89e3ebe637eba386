/** A codemod or rule option with a value it cannot use; the message says which and why. */
export class InvalidOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidOptionError';
  }
}

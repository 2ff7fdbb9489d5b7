/** The one error shape every transport returns. Messages are Chinese and name the field. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_OPERATION',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  fieldErrors: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: Record<string, string>;

  constructor(code: ErrorCode, message: string, fieldErrors: Record<string, string> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  toBody(): AppErrorBody {
    return { code: this.code, message: this.message, fieldErrors: this.fieldErrors };
  }

  static fromBody(body: AppErrorBody): AppError {
    return new AppError(body.code, body.message, body.fieldErrors);
  }
}

export function isAppErrorBody(value: unknown): value is AppErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string' && typeof v.fieldErrors === 'object';
}

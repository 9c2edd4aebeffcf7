import type { MessageCode } from "./messages";

export type FieldError = { path: string; message: string };

/**
 * The one error type of the server. `code` is stable (clients switch on it), `status` is the
 * HTTP status, `params` fill the localised message, `errors` name fields.
 */
export class AppError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly errors?: FieldError[],
  ) {
    super(code);
  }

  static validation(errors: FieldError[]): AppError {
    return new AppError("validation", 400, {}, errors);
  }
  static unauthenticated(): AppError {
    return new AppError("unauthenticated", 401);
  }
  static forbidden(): AppError {
    return new AppError("forbidden", 403);
  }
  /** Also used for what exists but is not visible to the caller: never reveal it. */
  static notFound(): AppError {
    return new AppError("not_found", 404);
  }
  static stale(currentVersion: number): AppError {
    return new AppError("stale_version", 409, { currentVersion });
  }
  static rule(code: MessageCode, params: Record<string, unknown> = {}, errors?: FieldError[]): AppError {
    return new AppError(code, 422, params, errors);
  }
}

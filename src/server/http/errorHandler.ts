import type { NextFunction, Request, Response } from 'express';
import { errorBody } from '../apiError.js';
import { requestContext } from './requestContext.js';
import { toHttpError } from './toHttpError.js';

/** The one place errors become answers: `{ error: { code, message } }`; unknown errors are logged and answered 500. */
export function errorHandler(bodyLimit: string) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    const context = requestContext(res);
    const mapped = toHttpError(error, bodyLimit, context.id);
    if (mapped.internal) context.log.error({ err: error }, 'unhandled error');
    if (res.headersSent) {
      next(error);
      return;
    }
    context.errorCode = mapped.code;
    if (mapped.headers) res.set(mapped.headers);
    res.status(mapped.status).json(errorBody(mapped.code, mapped.message, mapped.details));
  };
}

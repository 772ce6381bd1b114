import type { Response } from 'express';
import type { ServiceResult } from '../serviceResult.js';
import { requestContext } from './requestContext.js';

/** Answers with a service result, noting its error code (if any) for the errors metric. */
export function sendResult(res: Response, result: ServiceResult): void {
  const error = (result.body as { error?: { code?: unknown } } | null | undefined)?.error;
  if (result.status >= 400 && typeof error?.code === 'string') requestContext(res).errorCode = error.code;
  res.status(result.status).json(result.body);
}

import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { ServiceResult } from './realtimeService.js';
import { socketError } from './socketError.js';

/** Answers a message once; the gateway's handlers all answer through it. */
export type Reply = (result: ServiceResult) => void;

export type MessageHandler = (payload: unknown, reply: Reply) => Promise<void> | void;

/** A message that arrived without an ack callback is answered with this event instead. */
export const REJECTED_EVENT = 'rejected';

/**
 * Registers a message handler that never throws into socket.io and always answers: the payload is
 * the message's one argument and the ack its last; a message without an ack, with more arguments,
 * or whose handler fails gets an error answer, and the server keeps serving the socket.
 */
export function onMessage(socket: Socket, event: string, handler: MessageHandler, logger: Pick<Logger, 'error'>): void {
  socket.on(event, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (result: ServiceResult) => void) : undefined;
    let answered = false;
    const reply: Reply = (result) => {
      if (answered) return;
      answered = true;
      if (ack) ack(result);
      else if (result.status >= 400) socket.emit(REJECTED_EVENT, { event, ...result });
    };
    if (!ack) {
      reply(socketError('invalid_message', `${event} needs an acknowledgement callback: the answer comes back through it`));
      return;
    }
    const payloads = args.slice(0, -1);
    if (payloads.length !== 1) {
      reply(socketError('invalid_message', `${event} takes one object argument and the callback, not ${payloads.length} arguments`));
      return;
    }
    const fail = (error: unknown): void => {
      logger.error({ err: error, event, socketId: socket.id }, 'socket message failed');
      reply(socketError('internal_error', 'the server failed to handle this message; retry, and report it if it persists'));
    };
    try {
      const done = handler(payloads[0], reply);
      if (done) done.catch(fail);
    } catch (error) {
      fail(error);
    }
  });
}

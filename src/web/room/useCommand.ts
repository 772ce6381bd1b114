import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/apiError.js';
import type { CommandResult } from '../live/incidentRoom.js';
import { useRoom } from './roomContext.js';

export interface CommandState {
  /** Sent and not yet answered (retried with the same key until the server answers). */
  busy: boolean;
  error?: unknown;
}

/**
 * Sends one kind of command through the room and tracks it for the control that sent it.
 * Resolves with the answer, or undefined when refused: the refusal is kept in `error`, except a
 * stale walk step when `onStale` is given: that one outlives the control (the walk moved on, so
 * the step that sent it is gone) and goes to the Current step panel.
 */
export function useCommand(onStale?: (error: unknown) => void): [CommandState, (command: Record<string, unknown>) => Promise<CommandResult | undefined>] {
  const { room } = useRoom();
  const [state, setState] = useState<CommandState>({ busy: false });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const send = async (command: Record<string, unknown>): Promise<CommandResult | undefined> => {
    setState({ busy: true });
    try {
      const result = await room.send(command);
      if (mounted.current) setState({ busy: false });
      return result;
    } catch (error) {
      const stale = error instanceof ApiError && error.code === 'stale_node';
      if (stale && onStale) {
        onStale(error);
        if (mounted.current) setState({ busy: false });
      } else if (mounted.current) {
        setState({ busy: false, error });
      }
      return undefined;
    }
  };
  return [state, send];
}

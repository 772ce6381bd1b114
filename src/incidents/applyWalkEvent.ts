import type { WalkState } from '../engine/walkState.js';
import type { WalkTimelineEvent } from './incidentEvent.js';

/**
 * Moves a walk state by one recorded event, the way the engine moved it when the event was made:
 * step.entered enters a node, walk.ended ends the walk, the others only explain the next step.entered.
 * Never mutates `state`.
 */
export function applyWalkEvent(state: WalkState, event: WalkTimelineEvent): WalkState {
  switch (event.type) {
    case 'step.entered': {
      const { node, visit } = event.data;
      return { ...state, current: node, path: [...state.path, node], visits: { ...state.visits, [node]: visit } };
    }
    case 'walk.ended': {
      const { node, outcome, by } = event.data;
      return { ...state, current: null, ended: { node, outcome, by } };
    }
    case 'check.evaluated':
    case 'check.failed':
    case 'question.answered':
    case 'action.completed':
    case 'action.skipped':
      return state;
  }
}

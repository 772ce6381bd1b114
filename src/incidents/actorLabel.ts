import type { Actor } from './timelineEvent.js';

/** Who caused an entry, as the timeline shows it: a user's name, "runpath" for the server, "alert (source)". */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.name;
    case 'system':
      return 'runpath';
    case 'alert':
      return `alert (${actor.source})`;
  }
}

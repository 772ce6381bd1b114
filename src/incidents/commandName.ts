/** Every command on incidents, by the name `authorize` and `executeCommand` use. */
export const COMMAND_NAMES = [
  'openIncident',
  'changeStatus',
  'changeSeverity',
  'assignRole',
  'addNote',
  'starEntry',
  'redactEntry',
  'startWalk',
  'answerQuestion',
  'completeAction',
  'recordCheck',
  'recordAlert',
  'addFeedback',
  'addFollowUp',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMAND_NAMES as readonly string[]).includes(value);
}

import { addFeedback, type AddFeedbackCommand } from './commands/addFeedback.js';
import { addFollowUp, type AddFollowUpCommand } from './commands/addFollowUp.js';
import { addNote, type AddNoteCommand } from './commands/addNote.js';
import { answerQuestion, type AnswerQuestionCommand } from './commands/answerQuestion.js';
import { assignRole, type AssignRoleCommand } from './commands/assignRole.js';
import { changeSeverity, type ChangeSeverityCommand } from './commands/changeSeverity.js';
import { changeStatus, type ChangeStatusCommand } from './commands/changeStatus.js';
import type { CommandContext } from './commands/commandContext.js';
import { completeAction, type CompleteActionCommand } from './commands/completeAction.js';
import { openIncident, type OpenIncidentCommand } from './commands/openIncident.js';
import { recordAlert, type RecordAlertCommand } from './commands/recordAlert.js';
import { recordCheck, type RecordCheckCommand } from './commands/recordCheck.js';
import { redactEntry, type RedactEntryCommand } from './commands/redactEntry.js';
import { starEntry, type StarEntryCommand } from './commands/starEntry.js';
import { startWalk, type StartWalkCommand } from './commands/startWalk.js';
import type { Incident } from './incident.js';
import type { IncidentDraft } from './incidentEvent.js';

/** Any command, tagged with its name (a CommandName; what a socket message or a request body maps to). */
export type IncidentCommand =
  | ({ name: 'openIncident' } & OpenIncidentCommand)
  | ({ name: 'changeStatus' } & ChangeStatusCommand)
  | ({ name: 'changeSeverity' } & ChangeSeverityCommand)
  | ({ name: 'assignRole' } & AssignRoleCommand)
  | ({ name: 'addNote' } & AddNoteCommand)
  | ({ name: 'starEntry' } & StarEntryCommand)
  | ({ name: 'redactEntry' } & RedactEntryCommand)
  | ({ name: 'startWalk' } & StartWalkCommand)
  | ({ name: 'answerQuestion' } & AnswerQuestionCommand)
  | ({ name: 'completeAction' } & CompleteActionCommand)
  | ({ name: 'recordCheck' } & RecordCheckCommand)
  | ({ name: 'recordAlert' } & RecordAlertCommand)
  | ({ name: 'addFeedback' } & AddFeedbackCommand)
  | ({ name: 'addFollowUp' } & AddFollowUpCommand);

/** Runs the named command: the drafts to append, or a CommandError. Authorization is the caller's (authorize). */
export function executeCommand(incident: Incident | undefined, command: IncidentCommand, ctx: CommandContext): IncidentDraft[] {
  switch (command.name) {
    case 'openIncident':
      return openIncident(incident, command, ctx);
    case 'changeStatus':
      return changeStatus(incident, command, ctx);
    case 'changeSeverity':
      return changeSeverity(incident, command, ctx);
    case 'assignRole':
      return assignRole(incident, command, ctx);
    case 'addNote':
      return addNote(incident, command, ctx);
    case 'starEntry':
      return starEntry(incident, command, ctx);
    case 'redactEntry':
      return redactEntry(incident, command, ctx);
    case 'startWalk':
      return startWalk(incident, command, ctx);
    case 'answerQuestion':
      return answerQuestion(incident, command, ctx);
    case 'completeAction':
      return completeAction(incident, command, ctx);
    case 'recordCheck':
      return recordCheck(incident, command, ctx);
    case 'recordAlert':
      return recordAlert(incident, command, ctx);
    case 'addFeedback':
      return addFeedback(incident, command, ctx);
    case 'addFollowUp':
      return addFollowUp(incident, command, ctx);
  }
}

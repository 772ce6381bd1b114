import { useState } from 'preact/hooks';
import { CommandNotice } from './CommandNotice.js';
import { useCommand } from './useCommand.js';

/** "Add a note": Ctrl/Cmd+Enter or the button sends; the text comes back if the note is refused. */
export function NoteComposer() {
  const [text, setText] = useState('');
  const [sending, send] = useCommand();
  const submit = (): void => {
    const note = text.trim();
    if (note === '') return;
    setText('');
    void send({ type: 'note', text: note }).then((result) => {
      if (result === undefined) setText((typed) => (typed === '' ? note : typed));
    });
  };
  return (
    <form class="note-composer" onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <label for="note-text">Add a note</label>
      <textarea id="note-text" rows={2} maxLength={10000} value={text} placeholder="What you see, what you tried, who you paged"
        onInput={(e) => { setText(e.currentTarget.value); }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }} />
      <div class="composer-row">
        <small class="muted"><kbd>Ctrl</kbd>+<kbd>Enter</kbd> sends</small>
        <button type="submit" class="primary" disabled={text.trim() === ''}>Add note</button>
      </div>
      <CommandNotice {...sending} />
    </form>
  );
}

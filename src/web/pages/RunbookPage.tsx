/** One runbook's tree and nodes (being built). */
export function RunbookPage({ runbookId }: { runbookId: string }) {
  return <main class="page"><h1>{runbookId}</h1></main>;
}

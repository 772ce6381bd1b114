/** The runbook catalog (being built). */
export function RunbooksPage() {
  return <main class="page"><h1>Runbooks</h1></main>;
}

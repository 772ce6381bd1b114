// What the generated questions, actions and ends say: the kind of text on-call engineers write.

export const QUESTIONS = [
  { slug: 'recent-deploy', title: 'Recent deploy?', question: 'Was anything deployed to {{ inputs.service }} or its dependencies in the last hour?', answers: ['Yes', 'No', 'Not sure'] },
  { slug: 'dashboard', title: 'What does the dashboard show?', question: 'The metric is unavailable. What does the service dashboard show?', answers: ['Errors high', 'Errors normal', 'Dashboard empty too'] },
  { slug: 'feature-flag', title: 'Flag change?', question: 'Did a feature flag change in the last two hours (check the flag audit log)?', answers: ['Yes', 'No'] },
  { slug: 'scope', title: 'How many customers?', question: 'Are all customers affected, or only one region or tenant?', answers: ['Everyone', 'One region', 'One tenant'] },
  { slug: 'traffic-source', title: 'Where is the traffic from?', question: 'Is the extra traffic from a known client (batch job, partner, crawler)?', answers: ['Known client', 'Unknown source'] },
  { slug: 'provider-status', title: 'Provider incident?', question: 'Does the cloud provider or the vendor status page report an incident?', answers: ['Yes, ongoing', 'No'] },
  { slug: 'cache-flush', title: 'Cache flushed?', question: 'Was the cache flushed, restarted or resized recently?', answers: ['Yes', 'No'] },
  { slug: 'logs', title: 'What do the logs say?', question: 'What dominates the error logs of {{ inputs.service }} right now?', answers: ['Timeouts', 'Out of memory', 'Connection refused', 'Nothing unusual'] },
  { slug: 'oncall-peer', title: 'Peer team aware?', question: 'Has the owning team of the dependency acknowledged the problem?', answers: ['Yes', 'No'] },
  { slug: 'maintenance', title: 'Planned maintenance?', question: 'Is there planned maintenance in the change calendar for this window?', answers: ['Yes', 'No'] },
];

export const ACTIONS = [
  {
    slug: 'rollback', title: 'Roll back the last deploy', mitigation: true,
    instructions: [
      'Roll back **{{ inputs.service }}** to the previous release:',
      '',
      '```sh',
      'kubectl -n {{ inputs.namespace }} rollout undo deployment/{{ inputs.service }}',
      'kubectl -n {{ inputs.namespace }} rollout status deployment/{{ inputs.service }}',
      '```',
      '',
      'Then watch the error ratio for five minutes before confirming.',
    ],
    links: [{ title: 'Deploy dashboard', url: 'https://grafana.example.com/d/deploys' }],
    inputs: ['service', 'namespace'],
  },
  {
    slug: 'scale-out', title: 'Scale out', mitigation: true,
    instructions: [
      'Add capacity while the cause is investigated:',
      '',
      '1. Raise the replica count by 50% (`kubectl scale`).',
      '2. Check that the new pods pass readiness.',
      '3. Note the old count in the incident channel so it can be restored.',
    ],
    links: [],
    inputs: [],
  },
  {
    slug: 'disable-flag', title: 'Turn the feature flag off', mitigation: true,
    instructions: [
      'Turn off the flag that changed most recently, in the flag console.',
      '',
      '> Flags roll out within 30 seconds; do not restart pods for it.',
    ],
    links: [{ title: 'Flag audit log', url: 'https://flags.example.com/audit' }],
    inputs: [],
  },
  {
    slug: 'restart-pods', title: 'Restart the unhealthy pods', mitigation: true,
    instructions: [
      'Restart one pod at a time and watch it come back:',
      '',
      '```sh',
      'kubectl -n {{ inputs.namespace }} delete pod <pod>',
      '```',
      '',
      'Stop if the new pod fails the same way; restarts will not fix it.',
    ],
    links: [],
    inputs: ['namespace'],
  },
  {
    slug: 'shed-load', title: 'Shed non-critical traffic', mitigation: true,
    instructions: [
      'Enable load shedding for batch and internal callers:',
      '',
      '- set `shed_low_priority: true` in the gateway config,',
      '- confirm the 429 rate rises only for low-priority routes.',
    ],
    links: [{ title: 'Gateway runbook', url: '/docs/gateway#load-shedding' }],
    inputs: [],
  },
  {
    slug: 'warm-cache', title: 'Warm the cache', mitigation: true,
    instructions: [
      'Run the cache warmer for the hottest keys first:',
      '',
      '```sh',
      'make cache-warm TOP=10000',
      '```',
      '',
      'Database load should fall within minutes as the hit ratio recovers.',
    ],
    links: [],
    inputs: [],
  },
  {
    slug: 'fix-ntp', title: 'Resynchronise the clock',
    instructions: [
      'On each affected host, check `chronyc tracking`, then force a step:',
      '',
      '```sh',
      'sudo chronyc makestep',
      '```',
    ],
    links: [{ title: 'NTP runbook', url: 'https://wiki.example.com/ntp' }],
    inputs: [],
  },
  {
    slug: 'raise-pool', title: 'Raise the connection pool limit',
    instructions: [
      'Raise `maximumPoolSize` by 25% **only** if the database has headroom',
      '(check `pg_stat_activity` first), then redeploy the config.',
    ],
    links: [],
    inputs: [],
  },
  {
    slug: 'page-dependency', title: 'Page the dependency owners',
    instructions: [
      'Page the owning team of **{{ inputs.dependency }}** with the graphs you looked at.',
      'Link this incident so they see the timeline.',
    ],
    links: [],
    inputs: ['dependency'],
  },
  {
    slug: 'drain-zone', title: 'Drain the failing zone', mitigation: true,
    instructions: [
      'Move traffic away from the zone whose calls fail:',
      '',
      '1. Set its weight to 0 in the load balancer.',
      '2. Confirm the remaining zones have capacity (CPU below 70%).',
    ],
    links: [{ title: 'Zone traffic dashboard', url: 'https://grafana.example.com/d/zones' }],
    inputs: [],
  },
  {
    slug: 'pause-consumers', title: 'Pause the batch producers',
    instructions: [
      'Pause the nightly batch producers so the consumers can catch up.',
      'Resume them once lag is below 1,000 messages.',
    ],
    links: [],
    inputs: [],
  },
  {
    slug: 'collect-evidence', title: 'Collect evidence',
    instructions: [
      'Before anything restarts, save a heap dump and the last 15 minutes of logs',
      'to the incident folder. Note the time you took them.',
    ],
    links: [],
    inputs: [],
  },
];

export const ENDS = [
  { slug: 'resolved', outcome: 'resolved', title: 'Resolved', summary: 'The symptom is gone and the cause is understood.' },
  { slug: 'mitigated', outcome: 'mitigated', title: 'Mitigated', summary: 'Customers are no longer affected; follow up on the cause.' },
  { slug: 'escalate-owner', outcome: 'escalate', title: 'Escalate to the service owners', handoff: 'service-owners' },
  { slug: 'escalate-dba', outcome: 'escalate', title: 'Escalate to the database team', handoff: 'dba-oncall' },
  { slug: 'escalate-network', outcome: 'escalate', title: 'Escalate to networking', handoff: 'network-oncall' },
  { slug: 'false-alarm', outcome: 'false_alarm', title: 'False alarm', summary: 'The alert fired but nothing is wrong; tune the alert.' },
  { slug: 'watch', outcome: 'monitoring', title: 'Keep watching', summary: 'Not urgent; check again in 30 minutes.' },
];

import type { Runbook } from '../../runbook/types.js';

/**
 * Runbook inputs from alert labels: each declared input takes the label it names (`label:`, by
 * default the input's own name) when the alert has it; the others keep their defaults.
 */
export function alertInputs(runbook: Runbook, labels: Readonly<Record<string, string>>): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(runbook.inputs ?? {})) {
    const label = spec.label ?? name;
    const value = Object.hasOwn(labels, label) ? labels[label] : undefined;
    if (value !== undefined) inputs[name] = value;
  }
  return inputs;
}

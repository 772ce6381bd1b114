import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Problem } from '../../runbook/problem.js';
import { posixPath } from './posixPath.js';
import type { FormatOptions, ValidateResult } from './validateResult.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  help: { text: string };
  defaultConfiguration?: { level: 'error' | 'warning' };
}

/**
 * SARIF 2.1.0, the format GitHub code scanning uploads: one run, the rules that appear (described from
 * the rule catalog), and a result per problem with a relative, forward-slash URI and its region.
 */
export function formatSarif(result: ValidateResult, options: Pick<FormatOptions, 'tool' | 'rules'>): string {
  const ruleIds = [...new Set(result.problems.map((p) => p.rule))].sort();
  const rules = ruleIds.map((id): SarifRule => {
    const info = options.rules[id];
    if (!info) return { id, shortDescription: { text: id }, help: { text: id } };
    return { id, shortDescription: { text: info.description }, help: { text: info.help }, defaultConfiguration: { level: info.severity } };
  });
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const { name, version, informationUri } = options.tool;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name, version, ...(informationUri === undefined ? {} : { informationUri }), rules } },
        // Problem columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder runpath validate ran in.' } } },
        results: result.problems.map((p) => ({
          ruleId: p.rule,
          ruleIndex: ruleIndex.get(p.rule),
          level: p.severity,
          message: { text: p.message },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.file), ...region(p) } }],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: posixPath(file).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

// SARIF lines and columns are 1-based and endColumn is exclusive, as in Problem; omit what is unknown.
function region(p: Problem): { region?: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number } } {
  if (p.line < 1) return {};
  const r: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number } = { startLine: p.line };
  if (p.column < 1) return { region: r };
  r.startColumn = p.column;
  if (p.endLine > p.line && p.endColumn >= 1) {
    r.endLine = p.endLine;
    r.endColumn = p.endColumn;
  } else {
    // An empty or unknown span still marks one character, as the text format's caret does.
    r.endLine = p.line;
    r.endColumn = p.endLine === p.line && p.endColumn > p.column ? p.endColumn : p.column + 1;
  }
  return { region: r };
}

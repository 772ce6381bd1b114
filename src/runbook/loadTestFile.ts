import type { LoadResult } from './loadResult.js';
import type { RunbookTestFile } from './testFileTypes.js';
import { loadWithSchema } from './loadRunbook.js';

/** Parses and schema-checks one `*.test.yaml` file. */
export function loadTestFile(text: string, file: string): LoadResult<RunbookTestFile> {
  return loadWithSchema<RunbookTestFile>(text, file, 'runbook-test');
}

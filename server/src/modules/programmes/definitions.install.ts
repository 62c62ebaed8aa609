/**
 * Installs the shipped programme definitions (core/src/programmes/definitions.ts) as version rows, once each: a
 * definition the engine's `checkDefinition` or the form-schema contract refuses is never stored. Runs before a
 * call opens and from the demo seed; an installed version is never rewritten.
 */
import { programmeDefinitions } from '@jinke/core/programmes/definitions.ts';
import { formSchema } from '@jinke/core/programmes/form-schema.ts';
import { checkDefinition } from '@jinke/core/workflow/engine.ts';
import type { Executor } from '../../platform/db/index.ts';
import { insertDefinition } from './calls.repo.ts';

/** The number of definition versions added (0 when all were there). */
export async function installDefinitions(ex: Executor): Promise<number> {
  let added = 0;
  for (const d of programmeDefinitions) {
    const check = checkDefinition(d.workflow);
    if (!check.ok) throw new Error(`programme ${d.kind}: ${check.problems.map((p) => p.en).join('; ')}`);
    const form = formSchema.parse(d.formSchema);
    if (
      await insertDefinition(ex, {
        kind: d.kind,
        version: check.definition.version,
        nameZh: d.name.zh,
        nameEn: d.name.en,
        workflow: check.definition,
        formSchema: form,
      })
    )
      added++;
  }
  return added;
}

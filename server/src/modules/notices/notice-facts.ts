/**
 * What the workflow guards need from public notices: the last day of the notice the application was last proposed
 * on, and the objections naming it there that are still unhandled. Nothing when it was never proposed.
 */
import type { Executor } from '../../platform/db/index.ts';
import { latestEntryFacts } from './notices.repo.ts';

export async function noticeFacts(
  ex: Executor,
  applicationId: string,
): Promise<{ noticeEndsOn?: string; openObjections?: number }> {
  const facts = await latestEntryFacts(ex, applicationId);
  return facts ? { noticeEndsOn: facts.ends_on, openObjections: Number(facts.open_objections) } : {};
}

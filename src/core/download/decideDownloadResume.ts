// Whether an earlier run's partial file can be continued. Continuing is only right when the partial file has
// the blob's size and the journal was written for this blob, this version of it and this plan; anything else
// starts over, because a wrong resume produces a file that looks complete and is not.
import { matchJournalToPlan, type JournalHeader, type ParsedJournal } from './downloadJournal.ts';
import type { PageRangeDownloadPlan } from './planPageRangeDownload.ts';

export type ResumeDecision =
  | { mode: 'fresh'; reason: 'noPartialFile' | 'noJournal' | 'partialSizeDiffers' | 'differentSource' | 'differentPlan' }
  | { mode: 'resume'; doneByIndex: Map<number, string>; journalValidLength: number; tornTail: boolean };

export function decideDownloadResume(input: {
  partialFileSize: number | undefined;
  journal: ParsedJournal | undefined;
  expectedHeader: JournalHeader;
  plan: PageRangeDownloadPlan;
}): ResumeDecision {
  if (input.partialFileSize === undefined) return { mode: 'fresh', reason: 'noPartialFile' };
  if (input.journal === undefined || input.journal.header === undefined) return { mode: 'fresh', reason: 'noJournal' };
  if (input.partialFileSize !== input.plan.blobSize) return { mode: 'fresh', reason: 'partialSizeDiffers' };
  const match = matchJournalToPlan(input.journal, input.expectedHeader, input.plan);
  if (!match.usable) return { mode: 'fresh', reason: match.reason === 'missing' ? 'noJournal' : match.reason };
  return { mode: 'resume', doneByIndex: match.doneByIndex, journalValidLength: input.journal.validLength, tornTail: input.journal.tornTail };
}

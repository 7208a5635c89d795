// Which templates of a fresh listing have a build going on that nobody in this window is watching yet: those the
// tree should keep live (Running → Canceling → Canceled/Succeeded/Failed) without the user pressing Refresh.
import { isRunActive, type LastRunStatus } from './describeRunStatus.ts';

export interface ListedTemplate {
  id?: string;
  name?: string;
  lastRunStatus?: LastRunStatus;
}

export function buildsToFollow(listing: readonly ListedTemplate[], isWatched: (id: string) => boolean): string[] {
  return listing.filter((t) => t.id && isRunActive(t.lastRunStatus) && !isWatched(t.id)).map((t) => t.id!);
}

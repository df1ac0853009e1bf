// Entity tags of users: the version the repository keeps, as a strong ETag (RFC 9110 §8.8.3).
// A user's representation changes only with its version, so equal tags mean equal bodies.

/** The ETag of a user at `version`: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The versions an `If-Match` header accepts: `undefined` for `*` (any current version), else the
 * versions of its strong tags. Weak tags (`W/"3"`) never match under `If-Match`, which compares
 * strongly (RFC 9110 §13.1.1), and neither does anything that is not a tag of ours: a list
 * without one of ours accepts nothing, so the change fails with 412.
 */
export function versionsMatching(ifMatch: string): readonly number[] | undefined {
  if (ifMatch.trim() === '*') return undefined;
  const versions: number[] = [];
  for (const part of ifMatch.split(',')) {
    const tag = /^\s*"(\d{1,15})"\s*$/.exec(part);
    if (tag?.[1] !== undefined) versions.push(Number(tag[1]));
  }
  return versions;
}

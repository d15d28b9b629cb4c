import type { Bind } from '../database/statement.js';

/**
 * The evidence rows of the given ids as one JSON array of `{id, kind, sha256, uploadedBy}`, for the
 * load statement of a command that names evidence (the domain judges whether it may use them).
 */
export function evidenceFactsSql(bind: Bind, ids: readonly string[]): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', id, 'kind', kind, 'sha256', sha256, 'uploadedBy', uploaded_by)), '[]'::json)
           FROM evidence WHERE id = ANY(${bind(ids)}::uuid[]))`;
}

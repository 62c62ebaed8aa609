/**
 * What the workflow guards need from expert reviews: how many reviews an application expects and has.
 * `reviewsAssigned` counts the members of the call's current panel (the round's draw, after any decline) who have
 * not declared a conflict on this application; `reviewsSubmitted` their submitted reviews. No round → 0 and 0, so
 * `all-reviews-in` stays closed.
 */
import type { Executor } from '../../platform/db/index.ts';

export async function reviewFacts(
  ex: Executor,
  applicationId: string,
): Promise<{ reviewsAssigned: number; reviewsSubmitted: number }> {
  const { rows } = await ex.query<{ assigned: number | string; submitted: number | string }>(
    `SELECT jsonb_array_length(COALESCE(d.current_panel, '[]'::jsonb))
              - count(*) FILTER (WHERE v.status = 'conflicted') AS assigned,
            count(*) FILTER (WHERE v.status = 'submitted') AS submitted
     FROM programme_applications a
     JOIN review_rounds r ON r.call_id = a.call_id
     JOIN draws d ON d.id = r.draw_id
     LEFT JOIN reviews v ON v.application_id = a.id AND v.round_id = r.id
       AND d.current_panel @> jsonb_build_array(v.expert_code)
     WHERE a.id = $1
     GROUP BY d.current_panel`,
    [applicationId],
  );
  const row = rows[0];
  return row
    ? { reviewsAssigned: Number(row.assigned), reviewsSubmitted: Number(row.submitted) }
    : { reviewsAssigned: 0, reviewsSubmitted: 0 };
}

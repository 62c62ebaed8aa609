/** Calls of expert draws, typed from core's contract. The public record is fetched without a session. */
import {
  panelKinds,
  type PanelKind,
  type CreateDrawBody,
  type DrawDetail,
  type DrawSummary,
  type PublicDraw,
  type declineRequest,
  type seedDrawRequest,
} from '@jinke/core/draws/draws-api.contract.ts';
import { checkPublishedDraw, type PublishedCheck } from '@jinke/core/draws/published.ts';
import type { z } from 'zod';
import { http } from '../../lib/http.ts';

export type { CreateDrawBody, DrawDetail, DrawSummary, PublicDraw };
export type SeedBody = z.input<typeof seedDrawRequest>;
export type DeclineBody = z.input<typeof declineRequest>;

export const drawKeys = {
  all: ['draws'] as const,
  list: (page: number) => ['draws', 'list', page] as const,
  detail: (id: string) => ['draws', 'detail', id] as const,
  public: (id: string) => ['draws', 'public', id] as const,
};

const enc = encodeURIComponent;

export function listDraws(
  page: number,
): Promise<{ items: DrawSummary[]; total: number; page: number; pageSize: number }> {
  return http.get('/api/draws', { query: { page, pageSize: 20 } });
}

export function createDraw(body: CreateDrawBody): Promise<DrawDetail> {
  return http.post('/api/draws', body);
}

export function getDraw(id: string): Promise<DrawDetail> {
  return http.get(`/api/draws/${enc(id)}`);
}

export function seedDraw(id: string, body: SeedBody): Promise<DrawDetail> {
  return http.post(`/api/draws/${enc(id)}/seed`, body);
}

export function declineMember(id: string, body: DeclineBody): Promise<DrawDetail> {
  return http.post(`/api/draws/${enc(id)}/decline`, body);
}

export interface VerifiedRecord {
  record: PublicDraw;
  check: PublishedCheck;
  /** How long the re-run took in this browser, in milliseconds. */
  elapsedMs: number;
}

/** Fetches the public record and re-runs it here with the same core code the server ran. */
export async function fetchAndVerify(id: string): Promise<VerifiedRecord> {
  const record = await http.get<PublicDraw>(`/api/public/draws/${enc(id)}`, { sessionEvents: false });
  const start = performance.now();
  const check = checkPublishedDraw(record);
  return { record, check, elapsedMs: performance.now() - start };
}

export function isPanelKind(kind: string): kind is PanelKind {
  return (panelKinds as readonly string[]).includes(kind);
}

/** The request that freezes the same pool again with one more override (the seed is not known yet). */
export function refreezeBody(draw: DrawDetail, override: { code: string; reason: string }): CreateDrawBody {
  const { spec } = draw;
  return {
    title: draw.title,
    subject: draw.subject,
    spec: {
      panelSize: spec.panelSize,
      alternates: spec.alternates,
      composition: spec.composition.flatMap((rule) =>
        isPanelKind(rule.kind)
          ? [
              {
                kind: rule.kind,
                ...(rule.min === undefined ? {} : { min: rule.min }),
                ...(rule.minPercent === undefined ? {} : { minPercent: rule.minPercent }),
              },
            ]
          : [],
      ),
      fields: spec.fields,
      ipcPrefixes: spec.ipcPrefixes,
      ...(spec.maxLoad === undefined ? {} : { maxLoad: spec.maxLoad }),
    },
    applicants: draw.applicants.map((a) => a.uscc),
    overrides: [...draw.overridden.map((o) => ({ code: o.code, reason: o.reason })), override],
  };
}

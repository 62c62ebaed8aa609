/**
 * Qualifications of an enterprise (高企, 科小, labs, centres, stations, carriers …) with certificate numbers and
 * validity. The term of 高新技术企业 and 科技型中小企业 follows from the issue date (the contract fills it in); the
 * status is derived at every read. Changes are audited on the enterprise so they appear in its history.
 */
import type { QualificationInput } from '@jinke/core/registry/enterprise-relations.contract.ts';
import type { QualificationItem } from '@jinke/core/registry/enterprises.contract.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { toQualificationItem } from './enterprise-views.ts';
import { type EnterprisesDeps, actorOf, visibleEnterprise } from './enterprises.service.ts';
import {
  type QualificationRow,
  deleteQualification,
  findQualification,
  insertQualification,
  qualificationsOf,
  updateQualification,
} from './qualifications.repo.ts';

const qualificationNotFound = () => notFound({ zh: '资质记录不存在', en: 'No such qualification' });

function valuesOf(r: QualificationRow | QualificationInput): Record<string, unknown> {
  return 'holder_id' in r
    ? { kind: r.kind, certificateNo: r.certificate_no, issuedOn: r.issued_on, validTo: r.valid_to }
    : { kind: r.kind, certificateNo: r.certificateNo, issuedOn: r.issuedOn, validTo: r.validTo };
}

export function qualificationsService(deps: EnterprisesDeps) {
  const { db, clock } = deps;

  async function list(ctx: RequestContext, id: string): Promise<{ items: QualificationItem[] }> {
    await visibleEnterprise(db, actorOf(ctx), id);
    const now = clock();
    return { items: (await qualificationsOf(db, [id])).map((q) => toQualificationItem(q, now)) };
  }

  async function create(
    ctx: RequestContext,
    id: string,
    input: QualificationInput,
  ): Promise<QualificationItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      await visibleEnterprise(tx, actorOf(ctx), id, true);
      const qid = await insertQualification(tx, id, input, 'officer', now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'enterprise.qualification_added',
          entityType: 'enterprise',
          entityId: id,
          changes: { qualificationId: qid, ...diff({}, valuesOf(input)) },
        },
        now,
      );
      return toQualificationItem((await findQualification(tx, id, qid))!, now);
    });
  }

  async function update(
    ctx: RequestContext,
    id: string,
    qualificationId: string,
    input: QualificationInput,
  ): Promise<QualificationItem> {
    const now = clock();
    return db.transaction(async (tx) => {
      await visibleEnterprise(tx, actorOf(ctx), id, true);
      const before = await findQualification(tx, id, qualificationId, true);
      if (!before) throw qualificationNotFound();
      const changes = diff(valuesOf(before), valuesOf(input));
      if (Object.keys(changes).length > 0) {
        await updateQualification(tx, qualificationId, input, now);
        await writeAudit(
          tx,
          ctx,
          {
            action: 'enterprise.qualification_updated',
            entityType: 'enterprise',
            entityId: id,
            changes: { qualificationId, ...changes },
          },
          now,
        );
      }
      return toQualificationItem((await findQualification(tx, id, qualificationId))!, now);
    });
  }

  async function remove(ctx: RequestContext, id: string, qualificationId: string): Promise<void> {
    const now = clock();
    await db.transaction(async (tx) => {
      await visibleEnterprise(tx, actorOf(ctx), id, true);
      const before = await findQualification(tx, id, qualificationId, true);
      if (!before) throw qualificationNotFound();
      await deleteQualification(tx, qualificationId);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'enterprise.qualification_removed',
          entityType: 'enterprise',
          entityId: id,
          changes: { qualificationId, ...diff(valuesOf(before), {}) },
        },
        now,
      );
    });
  }

  return { list, create, update, remove };
}

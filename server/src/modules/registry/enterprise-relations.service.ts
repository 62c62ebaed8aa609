/**
 * Honours (中国专利奖, national, provincial and city S&T awards with grade and rank among the winning units),
 * industry–university cooperation agreements and industry-chain tags of an enterprise. Read within the actor's
 * scope; added and removed by the bureau, each change audited on the enterprise.
 */
import type { CooperationItem, HonourItem } from '@jinke/core/registry/enterprise-relations.contract.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { invalidFields } from './enterprises.errors.ts';
import { type EnterprisesDeps, actorOf, visibleEnterprise } from './enterprises.service.ts';
import {
  chainTagsOf,
  cooperationOf,
  deleteChainTag,
  deleteCooperation,
  deleteHonour,
  findCooperation,
  findHonour,
  honoursOf,
  insertChainTag,
  insertCooperation,
  insertHonour,
  instituteName,
} from './enterprise-relations.repo.ts';

export function enterpriseRelationsService(deps: EnterprisesDeps) {
  const { db, clock } = deps;

  async function audit(
    ctx: RequestContext,
    tx: Parameters<typeof writeAudit>[0],
    id: string,
    action: string,
    changes: Record<string, unknown>,
  ) {
    await writeAudit(tx, ctx, { action, entityType: 'enterprise', entityId: id, changes }, clock());
  }

  async function listHonours(ctx: RequestContext, id: string): Promise<{ items: HonourItem[] }> {
    await visibleEnterprise(db, actorOf(ctx), id);
    return { items: await honoursOf(db, id) };
  }

  async function addHonour(
    ctx: RequestContext,
    id: string,
    input: Omit<HonourItem, 'id'>,
  ): Promise<HonourItem> {
    return db.transaction(async (tx) => {
      const row = await visibleEnterprise(tx, actorOf(ctx), id, true);
      const honourId = await insertHonour(tx, row, input, clock());
      await audit(ctx, tx, id, 'enterprise.honour_added', {
        honourId,
        award: [null, input.award],
        grade: [null, input.grade],
        year: [null, input.year],
      });
      return (await findHonour(tx, id, honourId))!;
    });
  }

  async function removeHonour(ctx: RequestContext, id: string, honourId: string): Promise<void> {
    await db.transaction(async (tx) => {
      await visibleEnterprise(tx, actorOf(ctx), id, true);
      const before = await findHonour(tx, id, honourId);
      if (!before) throw notFound({ zh: '获奖记录不存在', en: 'No such honour' });
      await deleteHonour(tx, honourId);
      await audit(ctx, tx, id, 'enterprise.honour_removed', {
        honourId,
        award: [before.award, null],
        grade: [before.grade, null],
        year: [before.year, null],
      });
    });
  }

  async function listCooperation(ctx: RequestContext, id: string): Promise<{ items: CooperationItem[] }> {
    await visibleEnterprise(db, actorOf(ctx), id);
    return { items: await cooperationOf(db, id) };
  }

  async function addCooperation(
    ctx: RequestContext,
    id: string,
    input: { instituteId: string; subject: string; signedOn: string; validTo: string | null },
  ): Promise<CooperationItem> {
    return db.transaction(async (tx) => {
      await visibleEnterprise(tx, actorOf(ctx), id, true);
      if (!(await instituteName(tx, input.instituteId))) {
        throw invalidFields(ctx.locale, [
          {
            field: 'instituteId',
            zh: '不是已登记的高校或科研院所',
            en: 'is not a registered institute',
            rule: 'institute_unknown',
          },
        ]);
      }
      const agreementId = await insertCooperation(tx, id, input, clock());
      await audit(ctx, tx, id, 'enterprise.cooperation_added', {
        agreementId,
        instituteId: [null, input.instituteId],
        subject: [null, input.subject],
        signedOn: [null, input.signedOn],
        validTo: [null, input.validTo],
      });
      return (await findCooperation(tx, id, agreementId))!;
    });
  }

  async function removeCooperation(ctx: RequestContext, id: string, agreementId: string): Promise<void> {
    await db.transaction(async (tx) => {
      await visibleEnterprise(tx, actorOf(ctx), id, true);
      const before = await findCooperation(tx, id, agreementId);
      if (!before) throw notFound({ zh: '合作协议不存在', en: 'No such cooperation agreement' });
      await deleteCooperation(tx, agreementId);
      await audit(ctx, tx, id, 'enterprise.cooperation_removed', {
        agreementId,
        instituteId: [before.instituteId, null],
        subject: [before.subject, null],
        signedOn: [before.signedOn, null],
      });
    });
  }

  async function listChainTags(ctx: RequestContext, id: string) {
    await visibleEnterprise(db, actorOf(ctx), id);
    return { items: await chainTagsOf(db, id) };
  }

  async function addChainTag(ctx: RequestContext, id: string, tag: { chain: string; segment: string }) {
    return db.transaction(async (tx) => {
      await visibleEnterprise(tx, actorOf(ctx), id, true);
      if (!(await insertChainTag(tx, id, tag.chain, tag.segment))) {
        throw new AppError('CONFLICT', {
          userMessage: { zh: '该企业已有此产业链标签', en: 'The enterprise already has this chain tag' },
        });
      }
      await audit(ctx, tx, id, 'enterprise.chain_tag_added', { chainTag: [null, tag] });
      return tag;
    });
  }

  async function removeChainTag(
    ctx: RequestContext,
    id: string,
    tag: { chain: string; segment: string },
  ): Promise<void> {
    await db.transaction(async (tx) => {
      await visibleEnterprise(tx, actorOf(ctx), id, true);
      if (!(await deleteChainTag(tx, id, tag.chain, tag.segment)))
        throw notFound({ zh: '该企业没有此产业链标签', en: 'The enterprise has no such chain tag' });
      await audit(ctx, tx, id, 'enterprise.chain_tag_removed', { chainTag: [tag, null] });
    });
  }

  return {
    listHonours,
    addHonour,
    removeHonour,
    listCooperation,
    addCooperation,
    removeCooperation,
    listChainTags,
    addChainTag,
    removeChainTag,
  };
}

/**
 * Talents and startup teams, carriers (众创空间, 孵化器, 加速器, 星创天地, tech-service providers) and banks/investors.
 * Officers keep them; a provider reports its own carrier's area and tenants. Every change is audited in its
 * transaction with the fields that changed.
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { normalizeIdText } from '@jinke/core/common/ids/id-result.ts';
import type {
  BankItem,
  BankListQuery,
  CarrierItem,
  CarrierListQuery,
  CreateBankInput,
  CreateCarrierInput,
  CreateTalentInput,
  RegistryIssue,
  TalentItem,
  TalentListQuery,
  UpdateBankInput,
  UpdateCarrierInput,
  UpdateTalentInput,
} from '@jinke/core/registry/parties.contract.ts';
import { providerEditableCarrierFields } from '@jinke/core/registry/parties.contract.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database, Executor, SqlValue } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { invalidFields } from './enterprises.errors.ts';
import { fieldsNotEditable } from './parties.policy.ts';
import {
  type BankRow,
  type CarrierRow,
  type PartyTable,
  type TalentRow,
  codeExists,
  enterpriseExists,
  findParty,
  listParties,
  writeParty,
} from './parties.repo.ts';
import { checkTown, iso, isUniqueViolation, nextRecordCode, notFoundIn } from './parties.shared.ts';

function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

const NOT_FOUND = {
  talents: { zh: '人才或团队不存在', en: 'No such talent or team' },
  carriers: { zh: '载体不存在', en: 'No such carrier' },
  banks: { zh: '金融机构不存在', en: 'No such bank or investor' },
} as const;

const ENTITY = { talents: 'talent', carriers: 'carrier', banks: 'bank' } as const;

const normalUscc = (v: string | null | undefined) => (v ? normalizeIdText(v) : null);

const talentItem = (r: TalentRow): TalentItem => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  leaderName: r.leader_name,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  programme: r.programme,
  year: r.year,
  field: r.field,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const carrierItem = (r: CarrierRow): CarrierItem => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  operatorUscc: r.operator_uscc,
  townCode: r.town_code,
  townName: r.town_name,
  areaM2: r.area_m2,
  tenants: r.tenants,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const bankItem = (r: BankRow): BankItem => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  uscc: r.uscc,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** Talent fields as stored, keyed by column. */
const talentColumns = (
  v: TalentRow | Omit<TalentRow, 'id' | 'enterprise_name' | 'created_at' | 'updated_at'>,
) => ({
  kind: v.kind,
  name: v.name,
  leader_name: v.leader_name,
  enterprise_id: v.enterprise_id,
  programme: v.programme,
  year: v.year,
  field: v.field,
});

/** Area is compared as a number string normalised to two decimals, as numeric(12,2) stores it. */
const area = (v: string | null) => (v === null ? null : Number(v).toFixed(2));

const carrierColumns = (
  v: Pick<CarrierRow, 'name' | 'kind' | 'operator_uscc' | 'town_code' | 'area_m2' | 'tenants'>,
) => ({
  name: v.name,
  kind: v.kind,
  operator_uscc: v.operator_uscc,
  town_code: v.town_code,
  area_m2: area(v.area_m2),
  tenants: v.tenants,
});

const bankColumns = (v: Pick<BankRow, 'name' | 'kind' | 'uscc'>) => ({
  name: v.name,
  kind: v.kind,
  uscc: v.uscc,
});

/** The audit log names fields as the API does (`areaM2`), not as the columns (`area_m2`). */
function camelKeys(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [
      k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
      v,
    ]),
  );
}

/** Picks the input's value for a field when given (null clears it), else the stored one. */
function pick<T>(given: T | undefined, stored: T): T {
  return given === undefined ? stored : given;
}

function codeTaken(code: string): AppError {
  return new AppError('RECORD_CODE_TAKEN', {
    userMessage: { zh: `编号 ${code} 已被使用`, en: `The code ${code} is already in use` },
    details: {
      fields: [{ field: 'code', message: 'code 已被使用 / code is already in use', rule: 'duplicate' }],
    },
  });
}

export function partiesService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;

  async function page<R, I>(
    ctx: RequestContext,
    table: PartyTable,
    q: { q?: string | undefined; page: number; pageSize: number },
    equals: Record<string, SqlValue | undefined>,
    toItem: (r: R) => I,
  ) {
    const { rows, total } = await listParties<R>(db, table, actorOf(ctx), {
      q: q.q?.trim() || undefined,
      equals,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: rows.map(toItem), total, page: q.page, pageSize: q.pageSize };
  }

  async function one<R>(
    ex: Executor,
    actor: Actor | null,
    table: PartyTable,
    id: string,
    lock = false,
  ): Promise<R> {
    const row = await findParty<R>(ex, table, actor, id, lock);
    if (!row) throw notFoundIn(NOT_FOUND[table]);
    return row;
  }

  /** Writes a record and its audit entry in one transaction; a unique code taken meanwhile answers 409. */
  async function save<R>(
    ctx: RequestContext,
    table: PartyTable,
    id: string | null,
    build: (tx: Executor) => Promise<{
      columns: Record<string, SqlValue>;
      before: Record<string, unknown> | null;
      code?: string;
    }>,
  ): Promise<R> {
    const now = clock();
    try {
      return await db.transaction(async (tx) => {
        const { columns, before, code } = await build(tx);
        const changes = camelKeys(before ? diff(before, columns) : { ...(code ? { code } : {}), ...columns });
        const target =
          before && id ? id : await writeParty(tx, table, null, code ? { ...columns, code } : columns, now);
        if (before && id) {
          if (Object.keys(changes).length === 0) return one<R>(tx, null, table, id);
          await writeParty(tx, table, id, columns, now);
        }
        const action = `${ENTITY[table]}.${before ? 'updated' : 'created'}`;
        await writeAudit(tx, ctx, { action, entityType: ENTITY[table], entityId: target, changes }, now);
        return one<R>(tx, null, table, target);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('RECORD_CODE_TAKEN');
      throw error;
    }
  }

  async function checkEnterprise(tx: Executor, ctx: RequestContext, id: string | null): Promise<void> {
    if (id && !(await enterpriseExists(tx, id))) {
      throw invalidFields(ctx.locale, [
        {
          field: 'enterpriseId',
          rule: 'enterprise_unknown',
          zh: '主体库中没有该企业',
          en: 'names no enterprise of the registry',
        },
      ]);
    }
  }

  async function checkCarrierTown(tx: Executor, ctx: RequestContext, town: string | null): Promise<void> {
    const issue: RegistryIssue | null = await checkTown(tx, town, 'townCode');
    if (issue) throw invalidFields(ctx.locale, [issue]);
  }

  async function assignCode(
    tx: Executor,
    table: 'carriers' | 'banks',
    given: string | undefined,
    prefix: string,
  ): Promise<string> {
    const code = given ?? (await nextRecordCode(tx, table, prefix));
    if (await codeExists(tx, table, code)) throw codeTaken(code);
    return code;
  }

  return {
    listTalents: (ctx: RequestContext, q: TalentListQuery) =>
      page(ctx, 'talents', q, { kind: q.kind, enterprise_id: q.enterpriseId, year: q.year }, talentItem),
    getTalent: async (ctx: RequestContext, id: string) =>
      talentItem(await one<TalentRow>(db, actorOf(ctx), 'talents', id)),
    createTalent: async (ctx: RequestContext, input: CreateTalentInput) =>
      talentItem(
        await save<TalentRow>(ctx, 'talents', null, async (tx) => {
          await checkEnterprise(tx, ctx, input.enterpriseId ?? null);
          const columns = talentColumns({
            kind: input.kind,
            name: input.name,
            leader_name: input.leaderName ?? null,
            enterprise_id: input.enterpriseId ?? null,
            programme: input.programme ?? null,
            year: input.year ?? null,
            field: input.field ?? null,
          });
          return { columns, before: null };
        }),
      ),
    updateTalent: async (ctx: RequestContext, id: string, input: UpdateTalentInput) =>
      talentItem(
        await save<TalentRow>(ctx, 'talents', id, async (tx) => {
          const row = await one<TalentRow>(tx, null, 'talents', id, true);
          const columns = talentColumns({
            kind: pick(input.kind, row.kind),
            name: pick(input.name, row.name),
            leader_name: pick(input.leaderName, row.leader_name),
            enterprise_id: pick(input.enterpriseId, row.enterprise_id),
            programme: pick(input.programme, row.programme),
            year: pick(input.year, row.year),
            field: pick(input.field, row.field),
          });
          if (columns.enterprise_id !== row.enterprise_id)
            await checkEnterprise(tx, ctx, columns.enterprise_id);
          return { columns, before: talentColumns(row) };
        }),
      ),

    listCarriers: (ctx: RequestContext, q: CarrierListQuery) =>
      page(ctx, 'carriers', q, { kind: q.kind, town_code: q.town }, carrierItem),
    getCarrier: async (ctx: RequestContext, id: string) =>
      carrierItem(await one<CarrierRow>(db, actorOf(ctx), 'carriers', id)),
    createCarrier: async (ctx: RequestContext, input: CreateCarrierInput) =>
      carrierItem(
        await save<CarrierRow>(ctx, 'carriers', null, async (tx) => {
          await checkCarrierTown(tx, ctx, input.townCode ?? null);
          const code = await assignCode(tx, 'carriers', input.code, 'CAR');
          const columns = carrierColumns({
            name: input.name,
            kind: input.kind,
            operator_uscc: normalUscc(input.operatorUscc),
            town_code: input.townCode ?? null,
            area_m2: input.areaM2 ?? null,
            tenants: input.tenants ?? null,
          });
          return { columns, before: null, code };
        }),
      ),
    /** Officers change any field; a provider only its own carrier's area and tenants. */
    updateCarrier: async (ctx: RequestContext, id: string, input: UpdateCarrierInput) => {
      const actor = actorOf(ctx);
      return carrierItem(
        await save<CarrierRow>(ctx, 'carriers', id, async (tx) => {
          const row = await one<CarrierRow>(tx, actor, 'carriers', id, true);
          if (actor.role === 'provider') {
            const allowed: readonly string[] = providerEditableCarrierFields;
            const refused = Object.entries(input)
              .filter(([key, value]) => value !== undefined && !allowed.includes(key))
              .map(([key]) => key);
            if (refused.length > 0) throw fieldsNotEditable(refused);
          }
          const columns = carrierColumns({
            name: pick(input.name, row.name),
            kind: pick(input.kind, row.kind),
            operator_uscc:
              input.operatorUscc === undefined ? row.operator_uscc : normalUscc(input.operatorUscc),
            town_code: pick(input.townCode, row.town_code),
            area_m2: pick(input.areaM2, row.area_m2),
            tenants: pick(input.tenants, row.tenants),
          });
          if (columns.town_code !== row.town_code) await checkCarrierTown(tx, ctx, columns.town_code);
          return { columns, before: carrierColumns(row) };
        }),
      );
    },

    listBanks: (ctx: RequestContext, q: BankListQuery) => page(ctx, 'banks', q, { kind: q.kind }, bankItem),
    getBank: async (ctx: RequestContext, id: string) =>
      bankItem(await one<BankRow>(db, actorOf(ctx), 'banks', id)),
    createBank: async (ctx: RequestContext, input: CreateBankInput) =>
      bankItem(
        await save<BankRow>(ctx, 'banks', null, async (tx) => {
          const code = await assignCode(tx, 'banks', input.code, 'BNK');
          return {
            columns: bankColumns({ name: input.name, kind: input.kind, uscc: normalUscc(input.uscc) }),
            before: null,
            code,
          };
        }),
      ),
    updateBank: async (ctx: RequestContext, id: string, input: UpdateBankInput) =>
      bankItem(
        await save<BankRow>(ctx, 'banks', id, async (tx) => {
          const row = await one<BankRow>(tx, null, 'banks', id, true);
          const columns = bankColumns({
            name: pick(input.name, row.name),
            kind: pick(input.kind, row.kind),
            uscc: input.uscc === undefined ? row.uscc : normalUscc(input.uscc),
          });
          return { columns, before: bankColumns(row) };
        }),
      ),
  };
}

/**
 * The expert pool. Officers keep the records; an expert keeps their own availability, declared relations and phone.
 * Phone and identity numbers are encrypted at rest (SM4) and answered masked; revealing them is audited as
 * `personal_data.read` (个人信息保护法 第五十一条: access to personal information is controlled and traceable).
 */
import type { Actor } from '@jinke/core/accounts/roles.ts';
import { normalizeIdText } from '@jinke/core/common/ids/id-result.ts';
import { parseIpcSymbol } from '@jinke/core/common/ids/ipc-code.ts';
import type {
  CreateExpertInput,
  ExpertItem,
  ExpertListQuery,
  ExpertRelation,
  UpdateExpertInput,
} from '@jinke/core/registry/experts.contract.ts';
import { selfEditableExpertFields } from '@jinke/core/registry/experts.contract.ts';
import {
  hitechFieldByCode,
  hitechFieldChildren,
  hitechFieldPath,
} from '@jinke/core/registry/hitech-fields.ts';
import type { RegistryIssue } from '@jinke/core/registry/parties.contract.ts';
import { loadIpcCatalogue } from '@jinke/core/registry/reference-files.node.ts';
import { diff, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { type PersonalDataCipher, maskIdNumber, maskPhone } from '../../platform/crypto.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { segmentForIndex, segmentQuery } from '../../platform/search/index.ts';
import { invalidFields } from './enterprises.errors.ts';
import {
  type ExpertRow,
  type ExpertValues,
  expertCodeExists,
  findExpert,
  insertExpert,
  instituteExists,
  listExperts,
  updateExpert,
} from './experts.repo.ts';
import { fieldsNotEditable, revealsAny } from './parties.policy.ts';
import {
  ipcPrefixPattern,
  iso,
  isUniqueViolation,
  nextRecordCode,
  notFoundIn,
  personalMarker,
} from './parties.shared.ts';

const expertNotFound = () => notFoundIn({ zh: '专家不存在', en: 'No such expert' });

function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/** A field code and every code below it, so a search by 电子信息 finds the experts of its sub-fields and items. */
function withDescendants(code: string): string[] {
  return [code, ...hitechFieldChildren(code).flatMap((child) => withDescendants(child.code))];
}

/** Names of each field and its ancestors: searching 新材料 finds an expert registered under one of its items. */
function fieldNames(codes: string[]): string[] {
  return [...new Set(codes.flatMap((code) => hitechFieldPath(code).map((f) => f.name)))];
}

type Editable = Omit<ExpertValues, 'searchTokens' | 'phoneEnc' | 'idCardEnc'> & {
  phone: string | null;
  idCard: string | null;
};

const audited = (v: Editable) => ({
  name: v.name,
  title: v.title,
  employerUscc: v.employerUscc,
  instituteId: v.instituteId,
  fields: v.fields,
  ipcClasses: v.ipcClasses,
  expertise: v.expertise,
  relations: v.relations,
  available: v.available,
  phone: personalMarker(v.phone),
  idCard: personalMarker(v.idCard),
});

export function expertsService(deps: { db: Database; cipher: PersonalDataCipher; clock: () => Date }) {
  const { db, cipher, clock } = deps;
  const decrypt = (value: string | null) => (value ? cipher.decrypt(value) : null);

  function toItem(row: ExpertRow, reveal = false): ExpertItem {
    const phone = decrypt(row.phone_enc);
    const idCard = decrypt(row.id_card_enc);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      title: row.title,
      employerUscc: row.employer_uscc,
      instituteId: row.institute_id,
      instituteName: row.institute_name,
      fields: (row.fields ?? []).map((code) => ({ code, name: hitechFieldByCode(code)?.name ?? code })),
      ipcClasses: row.ipc_classes ?? [],
      expertise: row.expertise,
      relations: row.relations ?? [],
      available: row.available,
      phone: phone === null ? null : reveal ? phone : maskPhone(phone),
      idCard: idCard === null ? null : reveal ? idCard : maskIdNumber(idCard),
      personalDataRevealed: reveal,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    };
  }

  function editableOf(row: ExpertRow): Editable {
    return {
      name: row.name,
      title: row.title,
      employerUscc: row.employer_uscc,
      instituteId: row.institute_id,
      fields: row.fields ?? [],
      ipcClasses: row.ipc_classes ?? [],
      expertise: row.expertise,
      relations: row.relations ?? [],
      available: row.available,
      phone: decrypt(row.phone_enc),
      idCard: decrypt(row.id_card_enc),
    };
  }

  async function list(ctx: RequestContext, query: ExpertListQuery) {
    const actor = actorOf(ctx);
    const q = query.q?.trim() ?? '';
    const tsQuery = q ? segmentQuery(q) : null;
    if (q && tsQuery === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const { rows, total } = await listExperts(db, actor, {
      tsQuery,
      fieldCodes: query.field ? withDescendants(query.field) : null,
      ipcPattern: ipcPrefixPattern(query.ipc),
      available: query.available,
      instituteId: query.instituteId,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows.map((r) => toItem(r)), total, page: query.page, pageSize: query.pageSize };
  }

  /** One expert; with `reveal` the phone and identity number come back in clear and the read is audited. */
  async function get(
    ctx: RequestContext,
    id: string,
    options: { reveal?: boolean } = {},
  ): Promise<ExpertItem> {
    const actor = actorOf(ctx);
    if (!options.reveal) {
      const row = await findExpert(db, actor, id);
      if (!row) throw expertNotFound();
      return toItem(row);
    }
    // Officers and administrators reveal any record; an expert their own (个人信息保护法 第四十五条, the right to see it).
    if (!revealsAny(actor.role) && actor.role !== 'expert') throw new AppError('FORBIDDEN');
    const now = clock();
    return db.transaction(async (tx) => {
      const row = await findExpert(tx, actor, id);
      if (!row) throw expertNotFound();
      const fields = [row.phone_enc ? 'phone' : null, row.id_card_enc ? 'idCard' : null].filter(
        (f) => f !== null,
      );
      if (fields.length > 0) {
        await writeAudit(
          tx,
          ctx,
          { action: 'personal_data.read', entityType: 'expert', entityId: row.id, changes: { fields } },
          now,
        );
      }
      return toItem(row, true);
    });
  }

  /** Validates what needs stored data (institute, IPC scheme) and returns the values to store. */
  async function prepare(tx: Executor, ctx: RequestContext, e: Editable): Promise<ExpertValues> {
    const issues: RegistryIssue[] = [];
    if (e.instituteId && !(await instituteExists(tx, e.instituteId))) {
      issues.push({
        field: 'instituteId',
        rule: 'institute_unknown',
        zh: '主体库中没有该机构',
        en: 'names no institute of the registry',
      });
    }
    const catalogue = loadIpcCatalogue();
    const ipcClasses: string[] = [];
    e.ipcClasses.forEach((text, index) => {
      const symbol = parseIpcSymbol(text);
      if (!symbol.ok || !catalogue.get(symbol.normalized)) {
        issues.push({
          field: `ipcClasses.${index}`,
          rule: 'unknown_code',
          zh: `IPC ${catalogue.edition} 中没有分类号 ${text}`,
          en: `IPC ${catalogue.edition} has no symbol ${text}`,
        });
      } else if (!ipcClasses.includes(symbol.normalized)) {
        ipcClasses.push(symbol.normalized);
      }
    });
    if (issues.length > 0) throw invalidFields(ctx.locale, issues);
    const fields = [...new Set(e.fields)];
    const relations: ExpertRelation[] = e.relations.map((r) =>
      r.uscc ? { ...r, uscc: normalizeIdText(r.uscc) } : r,
    );
    return {
      name: e.name,
      title: e.title,
      employerUscc: e.employerUscc ? normalizeIdText(e.employerUscc) : null,
      instituteId: e.instituteId,
      fields,
      ipcClasses,
      expertise: e.expertise,
      phoneEnc: e.phone ? cipher.encrypt(e.phone) : null,
      idCardEnc: e.idCard ? cipher.encrypt(normalizeIdText(e.idCard)) : null,
      relations,
      available: e.available,
      searchTokens: segmentForIndex(e.name, e.expertise, ...fieldNames(fields)),
    };
  }

  async function create(ctx: RequestContext, input: CreateExpertInput): Promise<ExpertItem> {
    const now = clock();
    const editable: Editable = {
      name: input.name,
      title: input.title ?? null,
      employerUscc: input.employerUscc ?? null,
      instituteId: input.instituteId ?? null,
      fields: input.fields,
      ipcClasses: input.ipcClasses,
      expertise: input.expertise ?? null,
      relations: input.relations,
      available: input.available,
      phone: input.phone ?? null,
      idCard: input.idCard ?? null,
    };
    try {
      return await db.transaction(async (tx) => {
        const values = await prepare(tx, ctx, editable);
        const code = input.code ?? (await nextRecordCode(tx, 'experts', 'EXP'));
        if (await expertCodeExists(tx, code)) throw codeTaken(code);
        const id = await insertExpert(tx, code, values, now);
        await writeAudit(
          tx,
          ctx,
          {
            action: 'expert.created',
            entityType: 'expert',
            entityId: id,
            changes: { code, ...audited(editable) },
          },
          now,
        );
        return toItem((await findExpert(tx, null, id))!);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken(input.code ?? '');
      throw error;
    }
  }

  /** Officers change any field; an expert only their own availability, relations and phone (others: 403). */
  async function update(ctx: RequestContext, id: string, input: UpdateExpertInput): Promise<ExpertItem> {
    const actor = actorOf(ctx);
    const now = clock();
    return db.transaction(async (tx) => {
      const row = await findExpert(tx, actor, id, true);
      if (!row) throw expertNotFound();
      if (actor.role === 'expert') {
        const allowed: readonly string[] = selfEditableExpertFields;
        const refused = Object.entries(input)
          .filter(([key, value]) => value !== undefined && !allowed.includes(key))
          .map(([key]) => key);
        if (refused.length > 0) throw fieldsNotEditable(refused);
      }
      const before = editableOf(row);
      const pick = <K extends keyof Editable>(key: K): Editable[K] => {
        const value = (input as Partial<Record<keyof Editable, unknown>>)[key];
        return value === undefined ? before[key] : (value as Editable[K]);
      };
      const after: Editable = {
        name: pick('name'),
        title: pick('title'),
        employerUscc: pick('employerUscc'),
        instituteId: pick('instituteId'),
        fields: pick('fields'),
        ipcClasses: pick('ipcClasses'),
        expertise: pick('expertise'),
        relations: pick('relations'),
        available: pick('available'),
        phone: pick('phone'),
        idCard: pick('idCard'),
      };
      const values = await prepare(tx, ctx, after);
      const changes: Record<string, unknown> = diff(audited(before), audited({ ...after, ...values }));
      // A changed number behind the same marker is still a change, recorded without its value.
      if (before.phone !== after.phone)
        changes.phone = [personalMarker(before.phone), after.phone ? 'changed' : null];
      if (before.idCard !== after.idCard)
        changes.idCard = [personalMarker(before.idCard), after.idCard ? 'changed' : null];
      if (Object.keys(changes).length === 0) return toItem(row);
      await updateExpert(
        tx,
        id,
        {
          ...values,
          phoneEnc: before.phone === after.phone ? row.phone_enc : values.phoneEnc,
          idCardEnc: before.idCard === after.idCard ? row.id_card_enc : values.idCardEnc,
        },
        now,
      );
      await writeAudit(
        tx,
        ctx,
        { action: 'expert.updated', entityType: 'expert', entityId: id, changes },
        now,
      );
      return toItem((await findExpert(tx, null, id))!);
    });
  }

  return { list, get, create, update };
}

function codeTaken(code: string): AppError {
  return new AppError('RECORD_CODE_TAKEN', {
    userMessage: { zh: `专家编号 ${code} 已被使用`, en: `The expert code ${code} is already in use` },
    details: {
      fields: [{ field: 'code', message: 'code 已被使用 / code is already in use', rule: 'duplicate' }],
    },
  });
}

/**
 * Talents and teams, carriers, banks and investors. Reads are scoped (towns their town, a provider its carrier, a
 * bank its own record); officers and administrators write; a provider reports its own carrier's figures.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  bankItem,
  bankList,
  bankListQuery,
  carrierItem,
  carrierList,
  carrierListQuery,
  createBankRequest,
  createCarrierRequest,
  createTalentRequest,
  talentItem,
  talentList,
  talentListQuery,
  updateBankRequest,
  updateCarrierRequest,
  updateTalentRequest,
  uuidParams,
} from '@jinke/core/registry/parties.contract.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { contextOf } from '../../platform/http.ts';
import { allowRoles, partyAccess } from './parties.policy.ts';
import { partiesService } from './parties.service.ts';

const tags = ['registry'];

export function partyRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const s = partiesService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Talents and startup teams (人才与创业团队)
  const talentRead = allowRoles(partyAccess.talents.read);
  const talentWrite = allowRoles(partyAccess.talents.write);
  r.get(
    '/api/talents',
    {
      onRequest: talentRead,
      schema: {
        tags,
        summary: '人才与团队列表 List talents and teams',
        querystring: talentListQuery,
        response: { 200: talentList },
      },
    },
    async (request) => s.listTalents(contextOf(request), request.query),
  );
  r.get(
    '/api/talents/:id',
    {
      onRequest: talentRead,
      schema: {
        tags,
        summary: '人才或团队详情 Talent or team details',
        params: uuidParams,
        response: { 200: talentItem },
      },
    },
    async (request) => s.getTalent(contextOf(request), request.params.id),
  );
  r.post(
    '/api/talents',
    {
      onRequest: talentWrite,
      schema: {
        tags,
        summary: '登记人才或团队 Register a talent or team',
        body: createTalentRequest,
        response: { 201: talentItem },
      },
    },
    async (request, reply) => reply.code(201).send(await s.createTalent(contextOf(request), request.body)),
  );
  r.patch(
    '/api/talents/:id',
    {
      onRequest: talentWrite,
      schema: {
        tags,
        summary: '修改人才或团队 Update a talent or team',
        params: uuidParams,
        body: updateTalentRequest,
        response: { 200: talentItem },
      },
    },
    async (request) => s.updateTalent(contextOf(request), request.params.id, request.body),
  );

  // Carriers (创新创业载体)
  const carrierRead = allowRoles(partyAccess.carriers.read);
  r.get(
    '/api/carriers',
    {
      onRequest: carrierRead,
      schema: {
        tags,
        summary: '载体列表 List carriers',
        querystring: carrierListQuery,
        response: { 200: carrierList },
      },
    },
    async (request) => s.listCarriers(contextOf(request), request.query),
  );
  r.get(
    '/api/carriers/:id',
    {
      onRequest: carrierRead,
      schema: {
        tags,
        summary: '载体详情 Carrier details',
        params: uuidParams,
        response: { 200: carrierItem },
      },
    },
    async (request) => s.getCarrier(contextOf(request), request.params.id),
  );
  r.post(
    '/api/carriers',
    {
      onRequest: allowRoles(partyAccess.carriers.create),
      schema: {
        tags,
        summary: '登记载体 Register a carrier',
        body: createCarrierRequest,
        response: { 201: carrierItem },
      },
    },
    async (request, reply) => reply.code(201).send(await s.createCarrier(contextOf(request), request.body)),
  );
  r.patch(
    '/api/carriers/:id',
    {
      onRequest: allowRoles(partyAccess.carriers.write),
      schema: {
        tags,
        summary:
          '修改载体（服务机构限本载体面积与在孵企业数） Update a carrier (a provider: own area and tenants)',
        params: uuidParams,
        body: updateCarrierRequest,
        response: { 200: carrierItem },
      },
    },
    async (request) => s.updateCarrier(contextOf(request), request.params.id, request.body),
  );

  // Banks, investors and guarantors (金融机构)
  const bankRead = allowRoles(partyAccess.banks.read);
  const bankWrite = allowRoles(partyAccess.banks.write);
  r.get(
    '/api/banks',
    {
      onRequest: bankRead,
      schema: {
        tags,
        summary: '金融机构列表 List banks and investors',
        querystring: bankListQuery,
        response: { 200: bankList },
      },
    },
    async (request) => s.listBanks(contextOf(request), request.query),
  );
  r.get(
    '/api/banks/:id',
    {
      onRequest: bankRead,
      schema: {
        tags,
        summary: '金融机构详情 Bank or investor details',
        params: uuidParams,
        response: { 200: bankItem },
      },
    },
    async (request) => s.getBank(contextOf(request), request.params.id),
  );
  r.post(
    '/api/banks',
    {
      onRequest: bankWrite,
      schema: {
        tags,
        summary: '登记金融机构 Register a bank or investor',
        body: createBankRequest,
        response: { 201: bankItem },
      },
    },
    async (request, reply) => reply.code(201).send(await s.createBank(contextOf(request), request.body)),
  );
  r.patch(
    '/api/banks/:id',
    {
      onRequest: bankWrite,
      schema: {
        tags,
        summary: '修改金融机构 Update a bank or investor',
        params: uuidParams,
        body: updateBankRequest,
        response: { 200: bankItem },
      },
    },
    async (request) => s.updateBank(contextOf(request), request.params.id, request.body),
  );
}

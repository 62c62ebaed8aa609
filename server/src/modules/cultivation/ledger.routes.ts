/**
 * The R&D expense ledger (研发辅助账) and its two calibres: projects and entries (this file), the summary, the
 * workbook template, import and export (ledger-files.routes.ts). Who may do what: ledger.policy.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { okResponse } from '@jinke/core/accounts/accounts.contract.ts';
import {
  createEntryRequest,
  createProjectRequest,
  enterpriseIdQuery,
  entryItem,
  entryList,
  entryListQuery,
  ledgerIdParams,
  projectItem,
  projectList,
  updateEntryRequest,
  updateProjectRequest,
} from '@jinke/core/cultivation/ledger.contract.ts';
import { contextOf } from '../../platform/http.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { ledgerEntriesService } from './ledger-entries.service.ts';
import { ledgerFileRoutes } from './ledger-files.routes.ts';
import { ledgerProjectsService } from './ledger-projects.service.ts';
import { LEDGER_READERS, LEDGER_WRITERS, ledgerRoles } from './ledger.policy.ts';

const tags = ['cultivation'];
const read = ledgerRoles(LEDGER_READERS);
const write = ledgerRoles(LEDGER_WRITERS);

export function ledgerRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const projects = ledgerProjectsService(deps);
  const entries = ledgerEntriesService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cultivation/ledger/projects',
    {
      onRequest: read,
      schema: {
        tags,
        summary: '研发项目列表 R&D projects of an enterprise',
        description:
          'An enterprise user sees its own projects; officers, administrators and towns name the enterprise (enterpriseId). ' +
          'Each project carries its entries’ count, sum (分) and first and last month.',
        querystring: enterpriseIdQuery,
        response: { 200: projectList },
      },
    },
    async (request) => projects.list(contextOf(request), request.query.enterpriseId),
  );

  r.post(
    '/api/cultivation/ledger/projects',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '新建研发项目 Create an R&D project',
        description:
          'Enterprise users only (the bureau reads ledgers but does not keep them). The code is unique within the ' +
          'enterprise (409 LEDGER_PROJECT_CODE_TAKEN). Entrusted projects name the contractor type; overseas ones whether ' +
          'the contract is registered.',
        body: createProjectRequest,
        response: { 201: projectItem },
      },
    },
    async (request, reply) => reply.code(201).send(await projects.create(contextOf(request), request.body)),
  );

  r.get(
    '/api/cultivation/ledger/projects/:id',
    {
      onRequest: read,
      schema: { tags, summary: '研发项目 One R&D project', params: ledgerIdParams, response: { 200: projectItem } },
    },
    async (request) => projects.get(contextOf(request), request.params.id),
  );

  r.patch(
    '/api/cultivation/ledger/projects/:id',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '修改研发项目 Change an R&D project',
        description:
          'Fields left out stay as they are. Refused (400 naming the field) when recorded entries would fall outside ' +
          'the new dates or have a category the new kind does not allow.',
        params: ledgerIdParams,
        body: updateProjectRequest,
        response: { 200: projectItem },
      },
    },
    async (request) => projects.update(contextOf(request), request.params.id, request.body),
  );

  r.delete(
    '/api/cultivation/ledger/projects/:id',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '删除研发项目及其费用明细 Delete an R&D project with its entries',
        params: ledgerIdParams,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await projects.remove(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/cultivation/ledger/entries',
    {
      onRequest: read,
      schema: {
        tags,
        summary: '费用明细 Ledger entries',
        description:
          'Filters: project, year, month (YYYY-MM), category; paged (pageSize ≤ 200), in ledger order (month, project). ' +
          '`sumFen` is the sum over every page.',
        querystring: entryListQuery,
        response: { 200: entryList },
      },
    },
    async (request) => entries.list(contextOf(request), request.query),
  );

  r.post(
    '/api/cultivation/ledger/entries',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '记一笔费用 Record an entry',
        description:
          'Amount in 分, never negative. The month must fall within the project’s dates; entrusted R&D only in ' +
          'entrusted projects, which hold nothing else but adjustments. 400 names the field.',
        body: createEntryRequest,
        response: { 201: entryItem },
      },
    },
    async (request, reply) => reply.code(201).send(await entries.create(contextOf(request), request.body)),
  );

  r.get(
    '/api/cultivation/ledger/entries/:id',
    {
      onRequest: read,
      schema: { tags, summary: '一笔费用 One entry', params: ledgerIdParams, response: { 200: entryItem } },
    },
    async (request) => entries.get(contextOf(request), request.params.id),
  );

  r.patch(
    '/api/cultivation/ledger/entries/:id',
    {
      onRequest: write,
      schema: {
        tags,
        summary: '修改费用 Change an entry',
        params: ledgerIdParams,
        body: updateEntryRequest,
        response: { 200: entryItem },
      },
    },
    async (request) => entries.update(contextOf(request), request.params.id, request.body),
  );

  r.delete(
    '/api/cultivation/ledger/entries/:id',
    {
      onRequest: write,
      schema: { tags, summary: '删除费用 Delete an entry', params: ledgerIdParams, response: { 200: okResponse } },
    },
    async (request) => {
      await entries.remove(contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  // The workbook routes read xlsx bodies; their parser stays inside their own plugin scope.
  void app.register(async (scope) => ledgerFileRoutes(scope, deps));
}

/**
 * Applications (申报书): an enterprise starts one for an open call, pre-filled from the registry, autosaves it while
 * its phase lets the applicant edit, attaches documents, and moves it through the call's frozen workflow
 * definition. Every transition is checked by core's engine (roles, guards, reasons) and written with its event
 * row, the formal-check clock and its audit entry in one transaction.
 */
import { chinaDate } from '@jinke/core/linkage/status.ts';
import type {
  ApplicationDetail,
  ApplicationItem,
  ApplicationsQuery,
  ApplicationsResponse,
  FormDataBody,
  TimelineResponse,
  TransitionRequest,
} from '@jinke/core/programmes/api.contract.ts';
import { formSchema, validateForm, type FormSchema } from '@jinke/core/programmes/form-schema.ts';
import { nextDay, type Suspension } from '@jinke/core/workflow/clock.ts';
import {
  APPLICANT,
  workflowDefinition,
  type WorkflowDefinition,
} from '@jinke/core/workflow/definition.contract.ts';
import { applyTransition, availableActions, phaseOf, type CaseFacts } from '@jinke/core/workflow/engine.ts';
import { readAttachment, storeAttachment, type AttachmentInfo } from '../../platform/attachments.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './applications.repo.ts';
import * as calls from './calls.repo.ts';
import { noticeFacts } from '../notices/notice-facts.ts';
import { reviewFacts } from '../reviews/review-facts.ts';
import { initialForm, prefillOf } from './prefill.ts';
import { ownOnly, workflowActors } from './programmes.policy.ts';
import { CLOCKED_PHASE, clockOf, fieldError, formError, type Scoped } from './views.ts';

export const ATTACHMENT_PURPOSE = 'programme_application';

type ItemFields = Omit<repo.ListRow, 'definition_id'>;

interface Loaded {
  row: repo.ApplicationRow;
  def: WorkflowDefinition;
  form: FormSchema;
  mine: boolean;
}

export function applicationsService(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  const today = () => chinaDate(clock());

  async function ownEnterprise(ex: Executor, ctx: Scoped): Promise<string | null> {
    if (!ownOnly(ctx.actor)) return null;
    const id = ctx.actor.scopeId ? await calls.enterpriseIdByUscc(ex, ctx.actor.scopeId) : null;
    if (!id) throw new AppError('PROGRAMME_NO_ENTERPRISE');
    return id;
  }

  const loaded = (row: repo.ApplicationRow, mine: boolean): Loaded => ({
    row,
    def: workflowDefinition.parse(row.workflow),
    form: formSchema.parse(row.form_schema),
    mine,
  });

  /** Reads as `role`'s phase `view` list allows: the applicant only its own; otherwise 404. */
  const canView = (l: Loaded, ctx: Scoped) =>
    phaseOf(l.def, l.row.phase).view.some((who) => (who === APPLICANT ? l.mine : who === ctx.actor.role));

  async function load(ex: Executor, ctx: Scoped, id: string, lock = false): Promise<Loaded> {
    const enterpriseId = await ownEnterprise(ex, ctx);
    const row = (await repo.listApplications(ex, { id, enterpriseId }, lock))[0];
    if (!row) throw new AppError('NOT_FOUND');
    const l = loaded(row, enterpriseId !== null);
    if (!canView(l, ctx)) throw new AppError('NOT_FOUND');
    return l;
  }

  /** The facts the guards read: the call's deadline, the form, and what the reviews and notices modules hold. */
  async function facts(ex: Executor, l: Loaded): Promise<CaseFacts> {
    const [reviews, notice] = await Promise.all([reviewFacts(ex, l.row.id), noticeFacts(ex, l.row.id)]);
    return {
      today: today(),
      deadlines: { submission: l.row.closes_on },
      ...reviews,
      ...notice,
      formValid: validateForm(l.form, l.row.form_data).length === 0,
    };
  }

  /** The list entry of an application: the applicant reads public phase names, the bureau staff names. */
  function toItem(r: ItemFields, def: WorkflowDefinition, applicant: boolean): ApplicationItem {
    const phase = phaseOf(def, r.phase);
    return {
      id: r.id,
      callId: r.call_id,
      callTitle: r.call_title,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      uscc: r.uscc,
      phase: phase.id,
      phaseName: applicant ? phase.publicName : phase.staffName,
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
      clock: clockOf(def, r, today()),
    };
  }
  const item = (l: Loaded, ctx: Scoped) => toItem(l.row, l.def, ownOnly(ctx.actor));

  const editable = (l: Loaded) => l.mine && phaseOf(l.def, l.row.phase).edit.includes(APPLICANT);

  async function detail(ex: Executor, ctx: Scoped, id: string): Promise<ApplicationDetail> {
    const l = await load(ex, ctx, id);
    const actions =
      ctx.actor.role === 'leader'
        ? []
        : availableActions(l.def, l.row.phase, workflowActors(ctx.actor), await facts(ex, l));
    return {
      ...item(l, ctx),
      closesOn: l.row.closes_on,
      formSchema: l.form,
      formData: l.row.form_data,
      prefill: l.row.prefill as ApplicationDetail['prefill'],
      editable: editable(l),
      attachments: await repo.attachmentsOf(ex, id),
      actions: actions.map((a) => ({
        id: a.transition.id,
        label: a.transition.label,
        enabled: a.enabled,
        blockedBy: a.blockedBy,
        requiresReason: a.transition.requiresReason,
      })),
    };
  }

  /** Starts the enterprise's draft for an open call, pre-filled from the registry. */
  async function start(ctx: Scoped, callId: string): Promise<ApplicationDetail> {
    const now = clock();
    return db.transaction(async (tx) => {
      const enterpriseId = (await ownEnterprise(tx, ctx))!;
      const call = (await calls.listCalls(tx, { id: callId, enterpriseId, today: today() }))[0];
      if (!call) throw new AppError('NOT_FOUND');
      if (call.closes_on < today()) throw new AppError('PROGRAMME_CALL_CLOSED');
      const existing = await repo.existingApplication(tx, callId, enterpriseId);
      if (existing)
        throw new AppError('PROGRAMME_APPLICATION_EXISTS', { details: { applicationId: existing } });
      const definition = (await calls.definitionById(tx, call.definition_id!))!;
      const def = workflowDefinition.parse(definition.workflow);
      const form = formSchema.parse(definition.form_schema);
      const registry = (await repo.registryFacts(tx, enterpriseId, today()))!;
      const id = await repo.insertApplication(tx, {
        callId,
        enterpriseId,
        phase: def.initial,
        formData: initialForm(registry, form),
        prefill: prefillOf(registry),
        by: ctx.actor.userId,
        at: now,
      });
      if (!id) throw new AppError('PROGRAMME_APPLICATION_EXISTS');
      await repo.insertEvent(tx, {
        applicationId: id,
        from: null,
        to: def.initial,
        action: 'create',
        reason: null,
        by: ctx.actor.userId,
        at: now,
      });
      await writeAudit(
        tx,
        ctx,
        {
          action: 'programmes.application_created',
          entityType: 'programme_application',
          entityId: id,
          changes: { call: [null, callId], enterprise: [null, enterpriseId], phase: [null, def.initial] },
        },
        now,
      );
      return detail(tx, ctx, id);
    });
  }

  /** Workflow definitions by id: stored versions never change, so they are parsed once. */
  const definitions = new Map<string, WorkflowDefinition>();
  async function allDefinitions(ex: Executor): Promise<Map<string, WorkflowDefinition>> {
    const rows = await repo.definitionsById(ex);
    for (const r of rows) if (!definitions.has(r.id)) definitions.set(r.id, workflowDefinition.parse(r.workflow));
    return definitions;
  }

  /** A page of the queue, filtered in SQL to the phases the reader's role (or the applicant) may view. */
  async function list(ctx: Scoped, q: ApplicationsQuery): Promise<ApplicationsResponse> {
    const enterpriseId = await ownEnterprise(db, ctx);
    const who = enterpriseId !== null ? APPLICANT : ctx.actor.role;
    const defs = await allDefinitions(db);
    const visible = [...defs].map(([definitionId, def]) => ({
      definitionId,
      phases: def.phases.filter((p) => p.view.includes(who)).map((p) => p.id),
    }));
    const { total, rows } = await repo.pageApplications(db, {
      callId: q.callId,
      phase: q.phase,
      q: q.q,
      enterpriseId,
      visible: visible.filter((v) => v.phases.length > 0),
      page: q.page,
      pageSize: q.pageSize,
    });
    return {
      items: rows.map((r) => toItem(r, defs.get(r.definition_id)!, enterpriseId !== null)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  const get = (ctx: Scoped, id: string) => detail(db, ctx, id);

  /** Autosave: drafts may be incomplete, but no unknown field and no value of the wrong type. */
  async function saveForm(ctx: Scoped, id: string, body: FormDataBody): Promise<ApplicationDetail> {
    const now = clock();
    return db.transaction(async (tx) => {
      const l = await load(tx, ctx, id, true);
      if (!editable(l)) throw new AppError('PROGRAMME_NOT_EDITABLE');
      const wrong = validateForm(l.form, body.formData).filter(
        (p) => p.rule === 'unknown' || p.rule === 'type',
      );
      if (wrong.length > 0)
        throw formError(
          ctx.locale,
          wrong.map((p) => ({ ...p, field: `formData.${p.field}` })),
        );
      await repo.saveForm(tx, id, body.formData, now);
      const changed = Object.keys(body.formData).filter(
        (k) => JSON.stringify(body.formData[k]) !== JSON.stringify(l.row.form_data[k]),
      );
      await writeAudit(
        tx,
        ctx,
        {
          action: 'programmes.application_saved',
          entityType: 'programme_application',
          entityId: id,
          changes: { fields: changed },
        },
        now,
      );
      return detail(tx, ctx, id);
    });
  }

  async function upload(
    ctx: Scoped,
    id: string,
    file: { fileName: string; contentType: string; content: Buffer },
  ): Promise<AttachmentInfo> {
    const now = clock();
    return db.transaction(async (tx) => {
      const l = await load(tx, ctx, id, true);
      if (!editable(l)) throw new AppError('PROGRAMME_NOT_EDITABLE');
      const stored = await storeAttachment(
        tx,
        { purpose: ATTACHMENT_PURPOSE, ...file },
        ctx.actor.userId,
        now,
      );
      await repo.linkAttachment(tx, id, stored.id, now);
      await writeAudit(
        tx,
        ctx,
        {
          action: 'programmes.attachment_added',
          entityType: 'programme_application',
          entityId: id,
          changes: {
            attachment: [null, stored.id],
            fileName: [null, stored.fileName],
            sm3: [null, stored.sm3],
          },
        },
        now,
      );
      return stored;
    });
  }

  async function attachment(ctx: Scoped, id: string, attachmentId: string) {
    await load(db, ctx, id);
    const linked = (await repo.attachmentsOf(db, id)).some((a) => a.id === attachmentId);
    const file = linked ? await readAttachment(db, attachmentId) : null;
    if (!file) throw new AppError('NOT_FOUND');
    return file;
  }

  /** The formal-check clock after a move: started on first submission, suspended while the applicant corrects. */
  function clockAfter(
    l: Loaded,
    to: string,
    day: string,
  ): { startedOn: string | null; suspensions: Suspension[] } {
    let startedOn = l.row.clock_started_on;
    let suspensions = [...l.row.clock_suspensions];
    if (to === CLOCKED_PHASE && startedOn === null) startedOn = day;
    const leaving = phaseOf(l.def, l.row.phase);
    const entering = phaseOf(l.def, to);
    // The days of the return and of the resubmission count; the clock stands still on the whole days between,
    // while the file is with the applicant. A return answered the same or the next day suspends nothing.
    if (leaving.suspendsClock)
      suspensions = suspensions
        .map((s) => (s.to === null ? { from: s.from, to: day } : s))
        .filter((s) => s.to === null || s.to > s.from);
    if (entering.suspendsClock && startedOn !== null) suspensions.push({ from: nextDay(day), to: null });
    return { startedOn, suspensions };
  }

  /**
   * Takes a workflow action inside the caller's transaction: other modules (decisions, funds) move an application
   * in the same transaction as their own rows.
   */
  async function actIn(
    tx: Executor,
    ctx: Scoped,
    id: string,
    body: TransitionRequest,
  ): Promise<ApplicationDetail> {
    const now = clock();
    const l = await load(tx, ctx, id, true);
    const f = await facts(tx, l);
    const outcome = applyTransition(
      l.def,
      l.row.phase,
      body.action,
      workflowActors(ctx.actor),
      f,
      body.reason,
    );
    if (!outcome.ok) {
      const words = {
        zh: outcome.problems.map((p) => p.zh).join('；'),
        en: outcome.problems.map((p) => p.en).join('; '),
      };
      switch (outcome.code) {
        case 'UNKNOWN_TRANSITION':
          throw new AppError('PROGRAMME_ACTION_UNAVAILABLE', { userMessage: words });
        case 'NOT_ALLOWED':
          throw new AppError('FORBIDDEN');
        case 'REASON_REQUIRED':
          throw fieldError(
            ctx.locale,
            'reason',
            'required',
            '请填写理由（至少 2 个字）',
            'give a reason (at least 2 characters)',
          );
        case 'BLOCKED': {
          const transition = l.def.transitions.find((t) => t.id === body.action && t.from === l.row.phase)!;
          const deadline = transition.guards.find((g) => g.kind === 'before-deadline');
          if (deadline && f.today > l.row.closes_on)
            throw new AppError('PROGRAMME_CALL_CLOSED', {
              userMessage: {
                zh: `申报已截止（截止日期 ${l.row.closes_on}）`,
                en: `The call closed on ${l.row.closes_on}`,
              },
            });
          const problems = validateForm(l.form, l.row.form_data);
          if (f.formValid === false && problems.length > 0)
            throw formError(
              ctx.locale,
              problems.map((p) => ({ ...p, field: `formData.${p.field}` })),
            );
          throw new AppError('PROGRAMME_ACTION_UNAVAILABLE', { userMessage: words });
        }
      }
    }
    const day = today();
    const { startedOn, suspensions } = clockAfter(l, outcome.to, day);
    await repo.movePhase(tx, id, {
      phase: outcome.to,
      submittedAt: outcome.to === CLOCKED_PHASE ? now : null,
      clockStartedOn: startedOn,
      suspensions,
      enteredOn: day,
      at: now,
    });
    await repo.insertEvent(tx, {
      applicationId: id,
      from: outcome.from,
      to: outcome.to,
      action: outcome.transition.id,
      reason: outcome.reason,
      by: ctx.actor.userId,
      at: now,
    });
    await writeAudit(
      tx,
      ctx,
      {
        action: `programmes.application_${outcome.transition.id}`,
        entityType: 'programme_application',
        entityId: id,
        changes: { phase: [outcome.from, outcome.to], reason: outcome.reason },
      },
      now,
    );
    return detail(tx, ctx, id);
  }

  const act = (ctx: Scoped, id: string, body: TransitionRequest): Promise<ApplicationDetail> =>
    db.transaction((tx) => actIn(tx, ctx, id, body));

  /** What the applicant sees of the history: public phase names, the action's label and the reasons given. */
  async function timeline(ctx: Scoped, id: string): Promise<TimelineResponse> {
    const l = await load(db, ctx, id);
    const events = await repo.eventsOf(db, id);
    const name = (phase: string) => phaseOf(l.def, phase).publicName;
    return {
      items: events.map((e) => ({
        at: e.at,
        action: e.action,
        actionName:
          e.action === 'create'
            ? { zh: '创建申报书', en: 'Application started' }
            : (l.def.transitions.find((t) => t.id === e.action)?.label ?? { zh: e.action, en: e.action }),
        fromName: e.from_phase === null ? null : name(e.from_phase),
        toName: name(e.to_phase),
        reason: e.reason,
      })),
    };
  }

  return { start, list, get, saveForm, upload, attachment, act, actIn, timeline };
}

import type { CaseStep, TransferCaseBody } from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { because, unprocessable } from '../../http/errors';
import type { Acting } from '../notices/service';
import { insertNotifications } from '../notifications/repository';
import { findRegulator, insertCaseEvent, updateCase } from './repository';
import { auditCase, lockForAction } from './service';

type Deps = Pick<AppDeps, 'db'>;

/** 移送: the case moves to another district's regulator; the old one no longer sees it. */
export async function transferCase(deps: Deps, officer: Acting, caseId: string, body: TransferCaseBody) {
  await deps.db.transaction().execute(async (trx) => {
    const { row } = await lockForAction(trx, officer, caseId, 'transfer');
    const target =
      body.toRegulatorId === officer.orgId ? undefined : await findRegulator(trx, body.toRegulatorId);
    if (!target) throw unprocessable('toRegulatorId: not another regulator', because('transfer_target'));
    const from = await findRegulator(trx, officer.orgId);
    await updateCase(trx, caseId, { regulatorOrgId: target.id });
    const details = {
      from: { id: officer.orgId, name: from?.name ?? null },
      to: { id: target.id, name: target.name },
    };
    await insertCaseEvent(trx, {
      caseId,
      kind: 'transfer',
      fromStep: row.step as CaseStep,
      toStep: row.step as CaseStep,
      actorUserId: officer.userId,
      actorOrgId: officer.orgId,
      reason: body.reason,
      details,
    });
    await auditCase(trx, officer, 'case.transfer', caseId, details);
    await insertNotifications(trx, [
      {
        orgId: target.id,
        kind: 'case_transferred',
        message: `${from?.name ?? ''} 移送案件：${row.title}`,
        subjectType: 'case',
        subjectId: caseId,
        details: { title: row.title, from: from?.name ?? null, reason: body.reason },
      },
    ]);
  });
}

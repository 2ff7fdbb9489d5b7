import type { IsoDate } from '../calendar/dates';
import { AppError } from '../contract';
import { formatYuan, type Fen } from './money';
import { BURIAL_TYPE_LABELS, BURIAL_TYPES, type BurialType, type PolicyScheme, type PolicyVersion } from '../contract/funeral-policy';
import { versionInForce } from './policy-versions';

/**
 * 节地生态安葬奖补: a fixed amount per burial type, from the version in force on the date of death (广州
 * pays for deaths on or after 2013-01-01). A type the city does not subsidize, or a non-户籍 deceased where
 * the subsidy is for 户籍 only, is a refusal with the reason — not an error: the family did choose it.
 */

export interface EcoBurialRequest {
  burialType: BurialType;
  hukouInCity: boolean;
}

export interface EcoBurialSubsidy {
  eligible: boolean;
  amount: Fen;
  /** Why this amount, or why none, in Chinese. */
  reason: string;
}

export function ecoBurialSubsidy(version: PolicyVersion, request: EcoBurialRequest): EcoBurialSubsidy {
  if (!(BURIAL_TYPES as readonly string[]).includes(request.burialType)) {
    const message = `安葬方式「${String(request.burialType)}」无效，应为${BURIAL_TYPES.map((t) => BURIAL_TYPE_LABELS[t]).join('、')}之一`;
    throw new AppError('VALIDATION', message, { burialType: message });
  }
  const label = BURIAL_TYPE_LABELS[request.burialType];
  const policy = version.ecoBurial;
  if (!policy) return { eligible: false, amount: 0, reason: `版本「${version.name}」未设节地生态安葬奖补` };
  const amount = policy.amounts[request.burialType];
  if (amount === undefined) {
    const covered = BURIAL_TYPES.filter((t) => policy.amounts[t] !== undefined).map((t) => BURIAL_TYPE_LABELS[t]);
    return { eligible: false, amount: 0, reason: `${label}不在奖补范围内（奖补范围：${covered.join('、') || '无'}）` };
  }
  if (policy.hukouOnly && !request.hukouInCity) {
    return { eligible: false, amount: 0, reason: `节地生态安葬奖补仅限本市户籍逝者，逝者非本市户籍` };
  }
  return { eligible: true, amount, reason: `${label}奖补 ${formatYuan(amount)} 元（${version.name}）` };
}

/** The subsidy under the version in force on the date of death. */
export function ecoBurialSubsidyUnderScheme(
  scheme: PolicyScheme,
  request: EcoBurialRequest & { dateOfDeath: IsoDate },
): EcoBurialSubsidy {
  return ecoBurialSubsidy(versionInForce(scheme, request.dateOfDeath, { dateLabel: '死亡日期', field: 'dateOfDeath' }), request);
}

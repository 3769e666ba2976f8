/**
 * Which reversals the platform allows, by the stage of the violation (《淘宝规则》 违规处理流程:
 * "所有違規都要經過這三個步驟,其中第一步,第二步是可以通過各種努力撤銷的,到第三步就不能撤銷了").
 */
import type { Reversal, StagedReversal } from './types';

/** The id a reversal names, in either form. */
export function reversalId(reversal: Reversal): string {
  return typeof reversal === 'string' ? reversal : reversal.id;
}

/** Why a staged reversal is refused, or null when the stage still lets the violation go. */
export function stageRefusal(reversal: StagedReversal): string | null {
  if (reversal.stage !== 'record') return null;
  return (
    `violation "${reversal.id}" is on the violation record (违规记录), which cannot be reversed; ` +
    'only an appeal upheld through the desk reverses it (give its id alone)'
  );
}

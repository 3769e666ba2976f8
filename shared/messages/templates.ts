/**
 * Reason templates for messages to a case's subject, in both languages. Staff pick one and
 * edit the text before sending; the thread stores what was sent and the template it came from.
 * Ids are stable (stored on messages): add, never rename.
 */
export const MESSAGE_TEMPLATES = {
  'request-evidence': {
    zh: '您好，为审核您的申诉，请在 {{deadline}} 前补充相关凭证（如订单、物流单号、聊天记录截图），逾期未补充的，申诉将按现有材料处理。',
    en: 'Hello. To review your appeal, please send supporting evidence (orders, waybill numbers, chat screenshots) by {{deadline}}; after that, the appeal is settled on what we have.',
  },
  'request-orders': {
    zh: '您好，请提供涉及交易的订单编号及对应的发货凭证，以便我们核实交易的真实性。',
    en: 'Hello. Please send the order numbers involved and their shipping records so we can verify the transactions.',
  },
  'explain-decision': {
    zh: '您好，本次处理依据平台规则作出，处理理由已在处罚通知中列明。如有异议，可在申诉期内提交申诉并附上凭证。',
    en: 'Hello. This decision follows the platform rules; the reasons are in the notice. If you disagree, you may appeal within the appeal window with evidence.',
  },
  'received-evidence': {
    zh: '您好，我们已收到您补充的凭证，将尽快完成审核并通知您结果。',
    en: 'Hello. We received the evidence you sent and will let you know the outcome as soon as the review is done.',
  },
} as const;

export type MessageTemplateId = keyof typeof MESSAGE_TEMPLATES;
export const MESSAGE_TEMPLATE_IDS = Object.keys(MESSAGE_TEMPLATES) as [MessageTemplateId, ...MessageTemplateId[]];

/** A template's text in one language, with `{{name}}` placeholders filled where given. */
export function templateText(id: MessageTemplateId, lang: 'zh' | 'en', vars: Record<string, string> = {}): string {
  return MESSAGE_TEMPLATES[id][lang].replace(/\{\{(\w+)\}\}/g, (all, name: string) => vars[name] ?? all);
}

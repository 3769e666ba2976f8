/** Who else has a case open (the presence bar and the drafting warning). */
export const presenceZh = {
  label: '同时在看此案件的同事',
  alsoOpen: '同时打开：',
  viewing: '{{name}} 正在查看',
  drafting: '{{name}} 正在起草决定',
  othersDrafting: '{{names}} 正在起草此案件的决定。同一案件只有先提交的决定会生效。',
  confirmTitle: '他人正在起草决定',
  confirmText: '{{names}} 正在起草此案件的决定。两人同时处理时，后提交的决定会因案件已变更而被拒绝。仍要开始填写吗？',
  confirmContinue: '仍要填写',
};

export const presenceEn: typeof presenceZh = {
  label: 'Colleagues with this case open',
  alsoOpen: 'Also open by:',
  viewing: '{{name}} is viewing',
  drafting: '{{name}} is drafting a decision',
  othersDrafting: '{{names}} is drafting a decision on this case. Only the first decision submitted takes effect.',
  confirmTitle: 'Someone is drafting a decision',
  confirmText:
    '{{names}} is drafting a decision on this case. If you both decide, the later decision is refused because the case has changed. Start on it anyway?',
  confirmContinue: 'Start anyway',
};

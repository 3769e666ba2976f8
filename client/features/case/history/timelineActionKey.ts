/**
 * The i18n key of an audit action such as `case.report_merged`: the dot would read as a
 * nesting level in the catalogue, so actions live flat under `timelineAction` with `_`.
 */
export const timelineActionKey = (action: string) => `timelineAction.${action.replaceAll('.', '_')}`;

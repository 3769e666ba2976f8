/** The violation an applied decision puts on record. */
export const violationIdOf = (decisionId: number) => `V${decisionId}`;

/** The lighter finding that partial relief on appeal puts in the reversed one's place. */
export const reliefViolationIdOf = (decisionId: number, appealId: number) => `V${decisionId}-R${appealId}`;

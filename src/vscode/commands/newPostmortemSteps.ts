// No `vscode` import: the order and numbering of New Post-mortem's questions is unit-tested under plain Node.

/** A question's place in the title bar: "New Post-mortem (2/5)". */
export interface StepNumber {
  readonly step: number;
  readonly totalSteps: number;
}

export interface NewPostmortemSteps {
  /** Only in a window of several folders, when no open file says which: asked first (trial14b F8). */
  readonly folder?: StepNumber;
  readonly title: StepNumber;
  readonly start: StepNumber;
  readonly severity: StepNumber;
  readonly type: StepNumber;
  /** Asked only when several repository templates suit the answers: one more step at the end. */
  readonly template: StepNumber;
}

/**
 * The questions of New Post-mortem in the order they come, numbered so the count never goes back
 * or repeats: the folder first when it must be asked (it was asked after the title, untitled, and
 * "(2/4)" followed), then title, start, severity, type; a template choice adds a last step.
 */
export function newPostmortemSteps(askFolder: boolean): NewPostmortemSteps {
  const order = [...(askFolder ? ['folder'] : []), 'title', 'start', 'severity', 'type'] as const;
  const total = order.length;
  const at = (name: (typeof order)[number]): StepNumber => ({ step: order.indexOf(name) + 1, totalSteps: total });
  return {
    ...(askFolder ? { folder: at('folder') } : {}),
    title: at('title'), start: at('start'), severity: at('severity'), type: at('type'),
    template: { step: total + 1, totalSteps: total + 1 },
  };
}

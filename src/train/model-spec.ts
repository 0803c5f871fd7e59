/**
 * What a run trains: the model and its settings, as plain JSON stored with the run.
 * A stored run is read through normalizeTrainSpec, which fills what is missing or unreadable with
 * defaults; the form is checked through checkTrainForm, which refuses instead.
 */
import * as v from 'valibot';

export const MODEL_KINDS = ['baseline', 'linear', 'mlp'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu'] as const;
export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const;
export const BACKENDS = ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = Exclude<(typeof BACKENDS)[number], 'auto'>;

/** A numeric field's allowed values; `above` leaves `min` itself out (a learning rate above 0). */
export interface NumberLimit {
  min: number;
  max?: number;
  whole?: boolean;
  above?: boolean;
}

/** The numeric fields' limits, written once: the form's checks and a sweep's value lists (sweep.ts) both read them. */
export const NUMBER_LIMITS = {
  units: { min: 1, max: 4096, whole: true },
  dropout: { min: 0, max: 0.9 },
  momentum: { min: 0, max: 0.999 },
  learningRate: { min: 0, max: 10, above: true },
  batchSize: { min: 1, max: 65536, whole: true },
  epochs: { min: 1, max: 10000, whole: true },
  patience: { min: 0, whole: true },
  l2: { min: 0, max: 10 },
  // Past 2^53 a double cannot hold every whole number: the seed stored would not be the one typed.
  seed: { min: 0, max: Number.MAX_SAFE_INTEGER, whole: true },
} as const satisfies Record<string, NumberLimit>;

export const withinLimit = (limit: NumberLimit, x: number): boolean =>
  Number.isFinite(x) && (!limit.whole || Number.isInteger(x)) && (limit.above ? x > limit.min : x >= limit.min) && x <= (limit.max ?? Infinity);

/** 'a whole number from 1 to 4,096', 'a number above 0, up to 10', 'a whole number, 0 or more' */
export function limitWords(limit: NumberLimit): string {
  const kind = limit.whole ? 'a whole number' : 'a number';
  const n = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 20 });
  if (limit.max === undefined) return limit.above ? `${kind} above ${n(limit.min)}` : `${kind}, ${n(limit.min)} or more`;
  return limit.above ? `${kind} above ${n(limit.min)}, up to ${n(limit.max)}` : `${kind} from ${n(limit.min)} to ${n(limit.max)}`;
}

/** "Units of layer 2: enter a whole number from 1 to 4,096." — one message per field, naming its label in the form. */
const limited = (label: string, limit: NumberLimit) => {
  const message = `${label}: enter ${limitWords(limit)}.`;
  return v.pipe(v.number(message), v.check((x) => withinLimit(limit, x), message));
};
const choice = <const T extends readonly string[]>(label: string, options: T) => v.picklist(options, `${label}: choose one of the options.`);
const yesNo = (label: string) => v.boolean(`${label}: tick it or leave it clear.`);

/** The form's fields checked strictly, by their labels: a cleared field is refused, never defaulted. */
const strict = {
  model: choice('Model', MODEL_KINDS),
  units: (n: number) => limited(`Units of layer ${n}`, NUMBER_LIMITS.units),
  activation: (n: number) => choice(`Activation of layer ${n}`, ACTIVATIONS),
  dropout: (n: number) => limited(`Dropout of layer ${n}`, NUMBER_LIMITS.dropout),
  batchNorm: (n: number) => yesNo(`Batch normalisation in layer ${n}`),
  optimizer: choice('Optimiser', OPTIMIZERS),
  momentum: limited('Momentum', NUMBER_LIMITS.momentum),
  learningRate: limited('Learning rate', NUMBER_LIMITS.learningRate),
  batchSize: limited('Batch size', NUMBER_LIMITS.batchSize),
  epochs: limited('Epochs', NUMBER_LIMITS.epochs),
  patience: limited('Early-stopping patience', NUMBER_LIMITS.patience),
  l2: limited('L2 regularisation', NUMBER_LIMITS.l2),
  classWeights: yesNo('Weight classes by rarity'),
  seed: limited('Seed', NUMBER_LIMITS.seed),
  backend: choice('Backend', BACKENDS),
};

const layerSchema = v.object({
  units: strict.units(1),
  activation: v.fallback(strict.activation(1), 'relu'),
  dropout: v.fallback(strict.dropout(1), 0),
  batchNorm: v.fallback(strict.batchNorm(1), false),
});
export type LayerSpec = v.InferOutput<typeof layerSchema>;

/** A run's settings as stored: read back leniently, each unreadable field taking its default. */
export const trainSpecSchema = v.object({
  model: v.fallback(strict.model, 'mlp'),
  /** hidden layers of an MLP; a linear model has none */
  layers: v.fallback(v.array(layerSchema), [
    { units: 64, activation: 'relu', dropout: 0, batchNorm: false },
    { units: 64, activation: 'relu', dropout: 0, batchNorm: false },
  ]),
  /** L2 penalty on the weights */
  l2: v.fallback(strict.l2, 0),
  optimizer: v.fallback(strict.optimizer, 'adam'),
  learningRate: v.fallback(strict.learningRate, 0.001),
  /** SGD's momentum */
  momentum: v.fallback(strict.momentum, 0.9),
  batchSize: v.fallback(strict.batchSize, 32),
  epochs: v.fallback(strict.epochs, 50),
  /** epochs without a better validation loss before stopping; 0 = never stop early */
  patience: v.fallback(strict.patience, 10),
  /** weight classes by inverse frequency (classification) */
  classWeights: v.fallback(strict.classWeights, false),
  seed: v.fallback(strict.seed, 1),
  backend: v.fallback(strict.backend, 'auto'),
});
export type TrainSpec = v.InferOutput<typeof trainSpecSchema>;

/**
 * The learning rate a model starts from. A linear model's 0.01: it has one layer of slopes, all
 * of which must travel the whole way from 0 (at 0.001, fifty epochs of iris's 105 rows left a
 * logistic regression at 26% to 65% accuracy; at 0.01, 87% to 100%). An MLP's 0.001,
 * Adam's own default, as its many weights share the work.
 */
export const defaultLearningRate = (model: TrainSpec['model']): number => (model === 'linear' ? 0.01 : 0.001);

/** The spec with another model chosen: a learning rate left at the old model's default moves to the new one's; one the learner set stays. */
export function withModel(spec: TrainSpec, model: TrainSpec['model']): Pick<TrainSpec, 'model' | 'learningRate'> {
  const learningRate = spec.learningRate === defaultLearningRate(spec.model) ? defaultLearningRate(model) : spec.learningRate;
  return { model, learningRate };
}

/** A stored run's settings, or anything else read back: never fails, fills what is unreadable. */
export function normalizeTrainSpec(raw: unknown): TrainSpec {
  return v.parse(trainSpecSchema, raw && typeof raw === 'object' ? raw : {});
}

export type TrainFormCheck = { ok: true; spec: TrainSpec } | { ok: false; problems: string[] };

/**
 * The New run form checked before a run starts: every field the chosen model reads must be valid
 * (a cleared one, null from the form, is refused), with one message per wrong field naming its
 * label, in the form's order. A field left out entirely takes its default; fields the model does
 * not read (an MLP's layers for a linear model, momentum without SGD) are read leniently.
 * Example: { layers: [{ units: 256 }, { units: null }] } → problems ['Units of layer 2: enter a whole number from 1 to 4,096.']
 */
export function checkTrainForm(raw: unknown): TrainFormCheck {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const lenient = normalizeTrainSpec(r);
  const model = r.model === undefined ? lenient.model : r.model;
  const trains = model !== 'baseline';
  const optimizer = r.optimizer === undefined ? lenient.optimizer : r.optimizer;
  const layers = Array.isArray(r.layers) ? r.layers : undefined;
  const layerChecks = (layers ?? []).map((_, i) =>
    v.object({
      units: v.optional(strict.units(i + 1), 64),
      activation: v.optional(strict.activation(i + 1), 'relu'),
      dropout: v.optional(strict.dropout(i + 1), 0),
      batchNorm: v.optional(strict.batchNorm(i + 1), false),
    }),
  );
  const fields: v.ObjectEntries = {
    model: v.optional(strict.model, lenient.model),
    ...(model === 'mlp' && layers ? { layers: v.tuple(layerChecks) } : {}),
    ...(trains
      ? {
          optimizer: v.optional(strict.optimizer, lenient.optimizer),
          ...(optimizer === 'sgd' ? { momentum: v.optional(strict.momentum, lenient.momentum) } : {}),
          learningRate: v.optional(strict.learningRate, lenient.learningRate),
          batchSize: v.optional(strict.batchSize, lenient.batchSize),
          epochs: v.optional(strict.epochs, lenient.epochs),
          patience: v.optional(strict.patience, lenient.patience),
          l2: v.optional(strict.l2, lenient.l2),
          classWeights: v.optional(strict.classWeights, lenient.classWeights),
          seed: v.optional(strict.seed, lenient.seed),
        }
      : {}),
    backend: v.optional(strict.backend, lenient.backend),
  };
  const checked = v.safeParse(v.object(fields), r);
  if (!checked.success) return { ok: false, problems: [...new Set(checked.issues.map((i) => i.message))] };
  return { ok: true, spec: { ...lenient, ...(checked.output as Partial<TrainSpec>) } };
}

/** MLP presets: small, medium, large. */
export const MLP_PRESETS: Record<'small' | 'medium' | 'large', LayerSpec[]> = {
  small: [{ units: 16, activation: 'relu', dropout: 0, batchNorm: false }],
  medium: [
    { units: 64, activation: 'relu', dropout: 0, batchNorm: false },
    { units: 64, activation: 'relu', dropout: 0, batchNorm: false },
  ],
  large: [
    { units: 256, activation: 'relu', dropout: 0.2, batchNorm: true },
    { units: 128, activation: 'relu', dropout: 0.2, batchNorm: true },
    { units: 64, activation: 'relu', dropout: 0.1, batchNorm: false },
  ],
};

/** One line per choice, for learners. */
export const TRAIN_HELP = {
  baseline: 'Predicts the most frequent class (or the mean) whatever the input: the score any real model must beat.',
  linear: 'Linear regression for numbers, logistic regression for classes: one weight per feature, fast and easy to read.',
  mlp: 'A neural network with hidden layers: can learn curves and interactions, needs more data and care.',
  l2: 'Penalises large weights, which reduces overfitting. 0 means none; try 0.001 to 0.01.',
  optimizer: 'How weights are updated. Adam adapts the step size and is a good default; SGD with momentum is the classic; RMSprop suits noisy problems.',
  learningRate: 'The step size. Too large and the loss jumps or explodes; too small and training crawls. Adam: 0.001 is a good start for an MLP, 0.01 for a linear model.',
  batchSize: 'Rows per weight update. Larger batches are faster per epoch; smaller ones update more often.',
  epochs: 'Passes over the training rows.',
  patience: 'Stop after this many epochs without a better validation loss, and keep the best weights. 0 trains every epoch.',
  classWeights: 'Counts rare classes more, so the model does not ignore them in imbalanced data.',
  seed: 'Fixes the initial weights and the shuffling, so a run can be repeated.',
  backend: 'Where the maths runs. Automatic picks the fastest one this browser really has.',
} as const;

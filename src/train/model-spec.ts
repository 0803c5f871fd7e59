/**
 * What a run trains: the model and its settings, as plain JSON stored with the run.
 * Read through normalizeTrainSpec, which fills what is missing with defaults.
 */
import * as v from 'valibot';

export const MODEL_KINDS = ['baseline', 'linear', 'mlp'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu'] as const;
export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const;
export const BACKENDS = ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = Exclude<(typeof BACKENDS)[number], 'auto'>;

const layerSchema = v.object({
  units: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4096)),
  activation: v.fallback(v.picklist(ACTIVATIONS), 'relu'),
  dropout: v.fallback(v.pipe(v.number(), v.minValue(0), v.maxValue(0.9)), 0),
  batchNorm: v.fallback(v.boolean(), false),
});
export type LayerSpec = v.InferOutput<typeof layerSchema>;

export const trainSpecSchema = v.object({
  model: v.fallback(v.picklist(MODEL_KINDS), 'mlp'),
  /** hidden layers of an MLP; a linear model has none */
  layers: v.fallback(v.array(layerSchema), [
    { units: 64, activation: 'relu', dropout: 0, batchNorm: false },
    { units: 64, activation: 'relu', dropout: 0, batchNorm: false },
  ]),
  /** L2 penalty on the weights */
  l2: v.fallback(v.pipe(v.number(), v.minValue(0), v.maxValue(10)), 0),
  optimizer: v.fallback(v.picklist(OPTIMIZERS), 'adam'),
  learningRate: v.fallback(v.pipe(v.number(), v.gtValue(0), v.maxValue(10)), 0.001),
  /** SGD's momentum */
  momentum: v.fallback(v.pipe(v.number(), v.minValue(0), v.maxValue(0.999)), 0.9),
  batchSize: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65536)), 32),
  epochs: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10000)), 50),
  /** epochs without a better validation loss before stopping; 0 = never stop early */
  patience: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0)), 10),
  /** weight classes by inverse frequency (classification) */
  classWeights: v.fallback(v.boolean(), false),
  seed: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0)), 1),
  backend: v.fallback(v.picklist(BACKENDS), 'auto'),
});
export type TrainSpec = v.InferOutput<typeof trainSpecSchema>;

export function normalizeTrainSpec(raw: unknown): TrainSpec {
  return v.parse(trainSpecSchema, raw && typeof raw === 'object' ? raw : {});
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
  learningRate: 'The step size. Too large and the loss jumps or explodes; too small and training crawls. Adam: 0.001 is a good start.',
  batchSize: 'Rows per weight update. Larger batches are faster per epoch; smaller ones update more often.',
  epochs: 'Passes over the training rows.',
  patience: 'Stop after this many epochs without a better validation loss, and keep the best weights. 0 trains every epoch.',
  classWeights: 'Counts rare classes more, so the model does not ignore them in imbalanced data.',
  seed: 'Fixes the initial weights and the shuffling, so a run can be repeated.',
  backend: 'Where the maths runs. Automatic picks the fastest one this browser really has.',
} as const;

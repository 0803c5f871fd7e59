/**
 * The TF.js model for a spec: a stack of dense layers ending in logits (classification) or a
 * value (regression). Logits, not probabilities: the losses work on logits, which is
 * numerically stable; predictions apply sigmoid or softmax afterwards.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import type { TrainSpec } from './model-spec';
import { SeededDropout } from './seeded-dropout';

/** 1 output for regression and binary classification, one per class otherwise. */
export function outputUnits(classes: readonly string[] | null): number {
  return classes === null || classes.length === 2 ? 1 : classes.length;
}

export function buildModel(spec: TrainSpec, inputs: number, classes: readonly string[] | null): tfl.Sequential {
  const model = tfl.sequential();
  // Every random initialiser gets its own seed derived from the run's, so a run repeats exactly.
  let seed = spec.seed * 1000;
  const next = () => ++seed;
  const hidden = spec.model === 'mlp' ? spec.layers : [];
  hidden.forEach((layer, i) => {
    model.add(
      tfl.layers.dense({
        units: layer.units,
        inputShape: i === 0 ? [inputs] : undefined,
        activation: layer.batchNorm ? 'linear' : layer.activation,
        kernelInitializer: tfl.initializers.glorotUniform({ seed: next() }),
        name: `hidden_${i + 1}`,
      }),
    );
    if (layer.batchNorm) {
      model.add(tfl.layers.batchNormalization({ name: `batch_norm_${i + 1}` }));
      model.add(tfl.layers.activation({ activation: layer.activation, name: `activation_${i + 1}` }));
    }
    // Seeded per step, not per layer: TF.js's own seeded Dropout repeats one mask at every batch.
    if (layer.dropout > 0) model.add(new SeededDropout({ rate: layer.dropout, seed: next(), name: `dropout_${i + 1}` }));
  });
  model.add(
    tfl.layers.dense({
      units: outputUnits(classes),
      inputShape: hidden.length === 0 ? [inputs] : undefined,
      // A linear model starts at zero slopes, predicting the mean (regression learns the target
      // standardised, train-loop.ts) or even odds: its loss has one minimum, so nothing is to be
      // gained from random slopes, which on unit-scale features start further off than the mean.
      kernelInitializer: hidden.length === 0 ? 'zeros' : tfl.initializers.glorotUniform({ seed: next() }),
      name: 'output',
    }),
  );
  return model;
}

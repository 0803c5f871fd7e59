/**
 * Dropout whose masks are reproducible yet new at every step. TF.js's Dropout passes its fixed
 * seed to every call, so a seeded layer drops the same units at every batch; this one, like
 * Keras 3's Dropout with its SeedGenerator, draws each step's seed from a generator seeded once.
 * It is saved as a plain Dropout (same class name and config), so an exported model loads
 * anywhere TF.js or Keras does; inference never draws a mask.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import seedrandom from 'seedrandom';

export interface SeededDropoutArgs {
  rate: number;
  seed: number;
  name: string;
}

export class SeededDropout extends tfl.layers.Layer {
  static className = 'Dropout';
  readonly rate: number;
  readonly seed: number;
  readonly #rng: seedrandom.PRNG;

  constructor(args: SeededDropoutArgs) {
    super({ name: args.name });
    this.rate = args.rate;
    this.seed = args.seed;
    this.supportsMasking = true;
    this.#rng = seedrandom.alea(`dropout-${args.seed}`);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (kwargs.training !== true || this.rate <= 0 || this.rate >= 1) return input;
    // One draw per training step: the next step's mask differs, the sequence repeats per seed.
    const stepSeed = this.#rng.int32();
    return tf.tidy(() => tf.dropout(input, this.rate, undefined, stepSeed));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}

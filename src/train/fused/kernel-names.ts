/** The fused kernels' names in TF.js's kernel registry, and the attributes each one reads. */
import type { AdamAttrs, GradientActivation, LossKind } from './maths';

/** inputs w, g, m, v; outputs [w′, m′, v′] */
export const ADAM_UPDATE = 'LooplabAdamUpdate';
/** inputs z, y, acc (and w when weighted); outputs [dz, acc′] */
export const LOSS_STEP = 'LooplabLossStep';
/** inputs dy, h; output dx */
export const ACTIVATION_GRAD = 'LooplabActivationGrad';

/** inputs a, b (2-D) and bias when given; output op(a)·op(b) (+ bias, activation) */
export const MAT_MUL = 'LooplabMatMul';

export interface MatMulKernelAttrs {
  transposeA: boolean;
  transposeB: boolean;
  activation: 'linear' | 'relu' | 'elu';
}

export type AdamKernelAttrs = AdamAttrs;
export interface LossKernelAttrs {
  kind: LossKind;
  scale: number;
}
export interface ActivationKernelAttrs {
  activation: GradientActivation;
}

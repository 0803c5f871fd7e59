/**
 * A model's artifacts as plain data, through TF.js's IOHandler interface: saving captures the
 * topology, weight specs and weight bytes for storage; loading reads them back unchanged.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

export const MODEL_FORMAT = 'looplab-model/1';

export interface StoredModel {
  format: typeof MODEL_FORMAT;
  modelTopology: unknown;
  weightSpecs: tf.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
  tfjsVersion: string;
}

/** The model's artifacts, captured by an IOHandler instead of written to a file or URL. */
export async function captureModel(model: tfl.LayersModel): Promise<StoredModel> {
  let captured: tf.io.ModelArtifacts | null = null;
  await model.save({
    save: async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    },
  });
  const a = captured! as tf.io.ModelArtifacts;
  const data = a.weightData;
  const weightData = data instanceof ArrayBuffer ? data : tf.io.concatenateArrayBuffers(data as ArrayBuffer[]);
  return { format: MODEL_FORMAT, modelTopology: a.modelTopology, weightSpecs: a.weightSpecs ?? [], weightData, tfjsVersion: tf.version_core };
}

/** The exact inverse of captureModel. */
export function restoreModel(stored: StoredModel): Promise<tfl.LayersModel> {
  return tfl.loadLayersModel(tf.io.fromMemory({ modelTopology: stored.modelTopology as object, weightSpecs: stored.weightSpecs, weightData: stored.weightData }));
}

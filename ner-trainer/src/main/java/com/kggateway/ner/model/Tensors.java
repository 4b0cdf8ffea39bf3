package com.kggateway.ner.model;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Small helpers to move flat Java arrays in and out of TF tensors. */
final class Tensors {
    private Tensors() { }

    static TInt32 ints(int[] flat, long... dims) {
        return TInt32.tensorOf(Shape.of(dims), DataBuffers.of(flat, true, false));
    }

    static TFloat32 floats(float[] flat, Shape shape) {
        return TFloat32.tensorOf(shape, DataBuffers.of(flat, true, false));
    }

    static float[] toArray(TFloat32 t) {
        float[] out = new float[(int) t.shape().size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }
}

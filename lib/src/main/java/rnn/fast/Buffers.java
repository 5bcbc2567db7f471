package rnn.fast;

import java.util.List;

import rnn.Cell;

/**
 * One thread's work arrays for a batch of up to {@link #capacity} sequences through a stack of recurrent layers:
 * each layer's fast cell (with its per-step arrays), its outputs and the gradients at them, allocated once and
 * reused batch after batch. A model keeps one per thread of {@link BatchSplit} and makes a larger one when a batch
 * outgrows it.
 */
public final class Buffers {
    public final int capacity;
    public final int n_steps;
    /** The layers, bottom first; layer l reads the outputs of layer l − 1 (layer 0 reads X). */
    final FastCell[] layers;
    /** Each layer's outputs, [capacity, n_steps, n_neurons of the layer]. */
    public final float[][] outputs;
    /** dL/d(outputs) of each layer, laid out like {@link #outputs}. */
    public final float[][] dOutputs;
    /** Where each layer's parameters start in the list of all the layers' parameters. */
    final int[] firstParameter;

    public Buffers(List<? extends Cell> cells, int n_steps, int capacity) {
        this.capacity = capacity;
        this.n_steps = n_steps;
        this.layers = new FastCell[cells.size()];
        this.outputs = new float[cells.size()][];
        this.dOutputs = new float[cells.size()][];
        this.firstParameter = new int[cells.size()];
        for (int l = 0; l < layers.length; l++) {
            Cell cell = cells.get(l);
            layers[l] = FastCells.of(cell, n_steps, capacity);
            outputs[l] = new float[capacity * n_steps * cell.n_neurons()];
            dOutputs[l] = new float[capacity * n_steps * cell.n_neurons()];
            if (l > 0) firstParameter[l] = firstParameter[l - 1] + cells.get(l - 1).parameters().size();
        }
    }

    /** The outputs of the top layer, [capacity, n_steps, n_neurons]. */
    public float[] topOutputs() {
        return outputs[layers.length - 1];
    }

    /** The number of layers. */
    public int depth() {
        return layers.length;
    }

    int n_neurons(int layer) {
        return layers[layer].cell().n_neurons();
    }
}

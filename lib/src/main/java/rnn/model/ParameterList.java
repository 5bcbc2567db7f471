package rnn.model;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.FMatrixRMaj;

import rnn.Adam;
import rnn.fast.BatchSplit;

/**
 * A model's trainable parameters in one fixed order, which is also the order of their gradients, of Adam's moments
 * and of {@link Gradients}: each parameter θ (live), its name, and dL/dθ of the last batch, the sum of the shares
 * that the parts of the batch computed ({@link #sumShares}).
 */
final class ParameterList {
    private final List<FMatrixRMaj> values;
    private final List<String> names;
    private final List<FMatrixRMaj> gradients = new ArrayList<>();
    private final float[][] data;
    private final float[][] gradientData;
    private final int[] sizes;

    ParameterList(List<FMatrixRMaj> values, List<String> names) {
        if (values.size() != names.size()) {
            throw new IllegalArgumentException(values.size() + " parameters but " + names.size() + " names");
        }
        this.values = List.copyOf(values);
        this.names = List.copyOf(names);
        data = new float[values.size()][];
        gradientData = new float[values.size()][];
        sizes = new int[values.size()];
        for (int p = 0; p < values.size(); p++) {
            FMatrixRMaj theta = values.get(p);
            FMatrixRMaj gradient = new FMatrixRMaj(theta.numRows, theta.numCols);
            gradients.add(gradient);
            data[p] = theta.data;
            gradientData[p] = gradient.data;
            sizes[p] = theta.getNumElements();
        }
    }

    /** The parameters, live. */
    List<FMatrixRMaj> values() {
        return values;
    }

    List<String> names() {
        return names;
    }

    /** Zeroed arrays for one part's share of every gradient, in parameter order. */
    float[][] newShares() {
        float[][] shares = new float[sizes.length][];
        for (int p = 0; p < sizes.length; p++) shares[p] = new float[sizes[p]];
        return shares;
    }

    /** dL/dθ ← the sum of the parts' shares, added in part order (so the same split gives the same bits). */
    void sumShares(List<float[][]> shares) {
        for (int part = 0; part < shares.size(); part++) {
            for (int p = 0; p < gradientData.length; p++) {
                BatchSplit.sumInto(gradientData[p], shares.get(part)[p], part == 0);
            }
        }
    }

    /** One optimiser update of every parameter by its gradient. */
    void step(Adam optimizer) {
        optimizer.step(data, gradientData, sizes);
    }

    /** A copy of the gradients, named, with the batch's loss. */
    Gradients snapshot(float loss) {
        return new Gradients(names, gradients.stream().map(FMatrixRMaj::copy).toList(), loss);
    }
}

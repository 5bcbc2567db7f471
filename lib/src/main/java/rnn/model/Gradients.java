package rnn.model;

import java.util.List;

import org.ejml.data.FMatrixRMaj;

/**
 * The loss of a batch and its gradient with respect to each of a model's parameters, in the order of the model's
 * {@code parameters()} and named as in its {@code parameterNames()}.
 */
public record Gradients(List<String> names, List<FMatrixRMaj> values, float loss) {

    public Gradients {
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + values.size() + " gradients");
        }
        names = List.copyOf(names);
        values = List.copyOf(values);
    }

    /** The gradient of the parameter called {@code name}, e.g. "W" or "b_dense". */
    public FMatrixRMaj get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter called '" + name + "'; the parameters are " + names);
        }
        return values.get(i);
    }
}

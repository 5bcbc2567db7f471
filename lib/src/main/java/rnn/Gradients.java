package rnn;

import org.ejml.data.FMatrixRMaj;

/**
 * The gradients of the batch loss of {@link ImageRNN} with respect to each of its parameters, and that loss.
 *
 * @param dW       dL/dW of the cell's kernel, (n_inputs + n_neurons) × n_neurons: the rows of dWx, then dWy
 * @param db       dL/db of the cell's bias, 1 × n_neurons
 * @param dW_dense dL/dW of the dense layer, n_neurons × n_outputs
 * @param db_dense dL/db of the dense layer, 1 × n_outputs
 * @param loss     the mean softmax cross-entropy of the batch
 */
public record Gradients(FMatrixRMaj dW, FMatrixRMaj db, FMatrixRMaj dW_dense, FMatrixRMaj db_dense, float loss) {
}

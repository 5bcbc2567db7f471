package rnn;

import org.ejml.data.FMatrixRMaj;

/** The two outputs of the seed's hand-built unroll: Y0 at t = 0 and Y1 at t = 1, each m × n_neurons. */
public record TwoSteps(FMatrixRMaj Y0, FMatrixRMaj Y1) {
}

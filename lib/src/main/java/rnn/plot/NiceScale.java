package rnn.plot;

/**
 * Axis range and tick step that read well: steps are 1, 2 or 5 times a power of ten, and the
 * range is widened to whole steps (Heckbert's "nice numbers for graph labels").
 */
record NiceScale(double min, double max, double step) {

    /** A scale covering {@code [lo, hi]} with about {@code targetTicks} ticks; integer steps if {@code integerSteps}. */
    static NiceScale of(double lo, double hi, int targetTicks, boolean integerSteps) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw new IllegalArgumentException("expected a finite range lo <= hi, got [" + lo + ", " + hi + "]");
        }
        if (lo == hi) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double range = nice(hi - lo, false);
        double step = nice(range / Math.max(1, targetTicks - 1), true);
        if (integerSteps && step < 1) {
            step = 1;
        }
        return new NiceScale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    /** The tick values from min to max inclusive. */
    double[] ticks() {
        int n = (int) Math.round((max - min) / step) + 1;
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) {
            ticks[i] = min + i * step;
        }
        return ticks;
    }

    /** The tick labels, with as many decimals as neighbouring ticks need to differ (e.g. "0.3", not 0.30000000000000004). */
    String[] labels() {
        double[] ticks = ticks();
        String[] labels = new String[ticks.length];
        for (int i = 0; i < ticks.length; i++) {
            labels[i] = Svg.label(ticks[i], decimals());
        }
        return labels;
    }

    /** Decimals a tick label needs so that neighbouring ticks differ. */
    int decimals() {
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    /** {@code value} mapped linearly from [min, max] to [from, to]. */
    double map(double value, double from, double to) {
        return from + (value - min) / (max - min) * (to - from);
    }

    /** The nice number closest to (round) or not below (ceiling) x: 1, 2, 5 or 10 times 10^k. */
    private static double nice(double x, boolean round) {
        double exponent = Math.floor(Math.log10(x));
        double fraction = x / Math.pow(10, exponent);
        double niceFraction;
        if (round) {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        }
        return niceFraction * Math.pow(10, exponent);
    }
}

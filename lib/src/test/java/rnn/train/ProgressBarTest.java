package rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertFalse;
import org.junit.jupiter.api.Test;
import rnn.train.EpochResult;

class ProgressBarTest {
    @Test
    void barFillsWithAnArrowHead() {
        assertEquals(" ".repeat(20), ProgressBar.bar(0, 366));
        assertEquals("=========>          ", ProgressBar.bar(183, 366));
        assertEquals(">" + " ".repeat(19), ProgressBar.bar(1, 20));
        assertEquals("=".repeat(20), ProgressBar.bar(366, 366));
    }

    @Test
    void lineReadsLikeTheExample() {
        ProgressBar bar = new ProgressBar(10, new PrintStream(new ByteArrayOutputStream()), Duration.ZERO);
        assertEquals("epoch 1/10 [=========>          ] 183/366 cost 0.512  12.1 s",
                bar.line(1, 183, 366, 0.5121, 12.08));
    }

    @Test
    void redrawsEveryBatchWithZeroIntervalThenErases() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(2, new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ZERO);
        bar.epochStarted(2, 4);
        for (int batch = 1; batch <= 4; batch++) bar.batchFinished(2, batch, 4, batch); // costs 1, 2, 3, 4
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(4, drawn.split("\repoch 2/2 \\[", -1).length - 1, drawn);
        assertTrue(drawn.contains("\repoch 2/2 [====>               ] 1/4 cost 1.000  "), drawn);
        assertTrue(drawn.contains("] 4/4 cost 2.500  "), drawn); // mean of 1..4
        bar.epochFinished(new EpochResult(2, 2.5, 1, 1, 1));
        String all = bytes.toString(StandardCharsets.UTF_8);
        String last_frame = drawn.substring(drawn.lastIndexOf('\r') + 1);
        assertTrue(all.endsWith("\r" + " ".repeat(last_frame.length()) + "\r"), all);
    }

    @Test
    void saysWhenItEvaluatesOnTheTestSetThenErases() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(10, new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ZERO);
        bar.epochStarted(3, 2);
        bar.batchFinished(3, 1, 2, 0.5);
        bar.batchFinished(3, 2, 2, 0.5);
        String batches = bytes.toString(StandardCharsets.UTF_8);
        String frame = batches.substring(batches.lastIndexOf('\r') + 1);
        bar.evaluationStarted(3, 10_000);
        String evaluating = "epoch 3/10 evaluating on 10,000 test images";
        String drawn = bytes.toString(StandardCharsets.UTF_8).substring(batches.length());
        // drawn over the batch frame, padded so that none of it shows
        assertEquals("\r" + evaluating + " ".repeat(frame.length() - evaluating.length()), drawn);
        bar.evaluationFinished(3, 0.4);
        bar.erase(); // as the CLI does before an error; the epoch's end then has nothing left to erase
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\r" + " ".repeat(frame.length()) + "\r"));
        int erased = bytes.size();
        bar.epochFinished(new EpochResult(3, 0.5, 1, 1, 1));
        assertEquals(erased, bytes.size());
    }

    @Test
    void longIntervalDrawsOnlyTheLastBatch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(3, new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofHours(1));
        bar.epochStarted(1, 5);
        for (int batch = 1; batch <= 5; batch++) bar.batchFinished(1, batch, 5, 0.5);
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, drawn.split("\r", -1).length - 1, drawn);
        assertTrue(drawn.startsWith("\repoch 1/3 [" + "=".repeat(20) + "] 5/5 cost 0.500  "), drawn);
    }

    @Test
    void inANotebookTheBarIsOneOutputShownOnceThenUpdatedInPlaceKeepingItsLastFrame() {
        java.util.List<String> calls = new java.util.ArrayList<>();
        ProgressBar bar = recordingNotebookBar(2, calls);
        for (int epoch = 1; epoch <= 2; epoch++) {
            bar.epochStarted(epoch, 3);
            for (int batch = 1; batch <= 3; batch++) bar.batchFinished(epoch, batch, 3, 0.25 * epoch);
            bar.epochFinished(new EpochResult(epoch, 0.25 * epoch, 1, 1, 1));
        }
        // redrawn at most every 0.5 s and always at an epoch's last batch: here, one frame per epoch
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).startsWith("display epoch 1/2 [" + "=".repeat(20) + "] 3/3 cost 0.250  "), calls.get(0));
        assertTrue(calls.get(1).startsWith("update id-1 epoch 2/2 [" + "=".repeat(20) + "] 3/3 cost 0.500  "),
                calls.get(1));
        assertFalse(String.join("", calls).contains("\r"), "no carriage returns in a notebook output");
    }

    @Test
    void inANotebookTheEvaluationFrameGivesWayToTheEpochsLastBar() {
        java.util.List<String> calls = new java.util.ArrayList<>();
        ProgressBar bar = recordingNotebookBar(1, calls);
        bar.epochStarted(1, 2);
        bar.batchFinished(1, 1, 2, 0.5);
        bar.batchFinished(1, 2, 2, 0.25);
        bar.evaluationStarted(1, 10_000);
        bar.epochFinished(new EpochResult(1, 0.375, 1, 1, 1));
        // the first batch is within 0.5 s of the epoch's start: not drawn
        assertEquals(3, calls.size(), calls.toString());
        String last_bar = calls.get(0).substring("display ".length());
        assertTrue(last_bar.startsWith("epoch 1/1 [" + "=".repeat(20) + "] 2/2 cost 0.375  "), last_bar);
        assertEquals("update id-1 epoch 1/1 evaluating on 10,000 test images", calls.get(1));
        assertEquals("update id-1 " + last_bar, calls.get(2));
        bar.erase(); // nothing more to show: the last bar is already there
        assertEquals(3, calls.size(), calls.toString());
    }

    /** A notebook's bar whose display calls are recorded in {@code calls}; its display id is "id-1". */
    private static ProgressBar recordingNotebookBar(int epochs, java.util.List<String> calls) {
        return ProgressBar.inNotebook(epochs, o -> {
            calls.add("display " + o);
            return "id-1";
        }, (id, o) -> calls.add("update " + id + " " + o));
    }

    @Test
    void inANotebookBothKernelFunctionsAreNeeded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProgressBar.inNotebook(1, o -> "id", null));
        assertTrue(e.getMessage().contains("(id, o) -> updateDisplay(id, o)"), e.getMessage());
        ProgressBar noId = ProgressBar.inNotebook(1, o -> null, (id, o) -> { });
        noId.epochStarted(1, 1);
        assertThrows(IllegalStateException.class, () -> noId.batchFinished(1, 1, 1, 0.5));
    }

    @Test
    void rejectsNonsense() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        assertThrows(IllegalArgumentException.class, () -> new ProgressBar(0, out, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new ProgressBar(1, out, Duration.ofMillis(-1)));
    }

    @Test
    void terminalDevicesAreTheTtysNotFilesOrPipes() {
        assertTrue(ProgressBar.isTerminalDevice("/dev/pts/3"));
        assertTrue(ProgressBar.isTerminalDevice("/dev/tty1"));
        assertFalse(ProgressBar.isTerminalDevice("pipe:[123456]"));
        assertFalse(ProgressBar.isTerminalDevice("/tmp/train.log"));
        assertFalse(ProgressBar.isTerminalDevice("/dev/null"));
    }
}

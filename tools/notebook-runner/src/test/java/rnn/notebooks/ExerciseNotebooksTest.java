package rnn.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rnn.runner.CellResult;
import rnn.runner.NotebookRunner;

/**
 * The exercises of each notebook, run twice: as committed, where every answer cell is blank and every check must say
 * "not done yet" while the notebook runs to its end; and with each solution of notebooks/solutions/NAME.md pasted in
 * place of its answer cell, where every check must say "right". Each exercise sits under a markdown heading that
 * starts with "Exercise", followed by its answer cell and its check cell.
 */
class ExerciseNotebooksTest {
    private static final Path NOTEBOOKS = Path.of("..", "..", "notebooks");
    /** The first line of an answer cell, and of its solution: "// Exercise 1.1: your answer". */
    private static final Pattern ANSWER = Pattern.compile("^// Exercise (\\d+\\.\\d+): your answer\n");
    private static final Pattern CHECK = Pattern.compile("exercises\\.check\\(\"(\\d+\\.\\d+)\"");
    private static final Pattern HEADING = Pattern.compile("^#+ Exercise (\\d+\\.\\d+)\\b");
    /** A solution: the first ```java block under "## Exercise 1.1...". */
    private static final Pattern SOLUTION = Pattern.compile(
            "^## Exercise (\\d+\\.\\d+)\\b[^\n]*\n(?:(?!^## ).)*?^```java\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"01-single-recurrent-neuron", "02-layer-of-recurrent-neurons", "03-static-unrolling",
            "04-dynamic-unrolling", "05-mnist-classifier", "06-backpropagation-through-time", "07-deep-rnn",
            "08-time-series", "09-lstm-and-gru"})
    void blankAnswersAreNotDoneYetAndSolutionsAreRight(String name) throws IOException {
        Path notebook = NOTEBOOKS.resolve(name + ".ipynb");
        JsonNode cells = new ObjectMapper().readTree(notebook.toFile()).get("cells");
        Map<String, Integer> answerCells = layout(cells, name);
        Map<String, String> solutions = solutions(NOTEBOOKS.resolve("solutions").resolve(name + ".md"));
        assertEquals(answerCells.keySet(), solutions.keySet(), name + ": one solution per exercise, in order");
        int exercises = answerCells.size();
        assertTrue(exercises >= 2 && exercises <= 4, name + " has two to four exercises, not " + exercises);

        Map<String, String> blank = checks(NotebookRunner.execute(notebook));
        assertEquals(answerCells.keySet(), blank.keySet(), name + ": one check per exercise");
        blank.forEach((id, said) -> assertEquals("Exercise " + id + ": not done yet. Write your answer in the cell"
                + " above, run it, then run this cell again.\n", said, name + " as committed"));

        Map<Integer, String> pasted = new LinkedHashMap<>();
        answerCells.forEach((id, index) -> pasted.put(index, solutions.get(id)));
        Map<String, String> solved = checks(NotebookRunner.execute(notebook, pasted, System.err));
        assertEquals(answerCells.keySet(), solved.keySet(), name + " with the solutions: one check per exercise");
        solved.forEach((id, said) -> {
            assertTrue(said.startsWith("Exercise " + id + ": right."), name + " with the solutions: " + said);
            assertFalse(said.contains("\tat "), "no stack trace: " + said);
        });
    }

    /**
     * Each exercise's answer cell by id, after checking the layout: a heading "Exercise X.Y", then the answer cell,
     * then the check cell, in the order of the ids.
     */
    private static Map<String, Integer> layout(JsonNode cells, String name) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            Matcher heading = HEADING.matcher(source(cell));
            if (!cell.get("cell_type").asText().equals("markdown") || !heading.find()) {
                continue;
            }
            String id = heading.group(1);
            assertTrue(i + 2 < cells.size(), name + ": exercise " + id + " needs an answer cell and a check cell");
            Matcher answer = ANSWER.matcher(source(cells.get(i + 1)));
            assertTrue(answer.find() && answer.group(1).equals(id),
                    name + ": the cell after the heading of exercise " + id + " starts with '// Exercise " + id
                            + ": your answer'");
            Matcher check = CHECK.matcher(source(cells.get(i + 2)));
            assertTrue(check.find() && check.group(1).equals(id),
                    name + ": the cell after the answer of exercise " + id + " checks it");
            answers.put(id, i + 1);
        }
        return answers;
    }

    /** What each check cell printed, by exercise id. */
    private static Map<String, String> checks(List<CellResult> results) {
        Map<String, String> said = new LinkedHashMap<>();
        for (CellResult cell : results) {
            Matcher check = CHECK.matcher(cell.source());
            if (check.find()) {
                said.put(check.group(1), cell.stdout());
            }
        }
        return said;
    }

    private static Map<String, String> solutions(Path file) throws IOException {
        Map<String, String> solutions = new LinkedHashMap<>();
        Matcher m = SOLUTION.matcher(Files.readString(file));
        while (m.find()) {
            String code = m.group(2);
            Matcher answer = ANSWER.matcher(code);
            assertTrue(answer.find() && answer.group(1).equals(m.group(1)),
                    file + ": the solution of exercise " + m.group(1) + " starts with its answer cell's first line");
            solutions.put(m.group(1), code.stripTrailing());
        }
        return solutions;
    }

    private static String source(JsonNode cell) {
        StringBuilder text = new StringBuilder();
        JsonNode source = cell.get("source");
        if (source.isTextual()) {
            return source.asText();
        }
        source.forEach(line -> text.append(line.asText()));
        return text.toString();
    }
}

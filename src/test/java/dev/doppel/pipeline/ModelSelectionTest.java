package dev.doppel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.doppel.CliRunner;
import dev.doppel.TestData;
import dev.doppel.error.ExitCodes;
import dev.doppel.io.ModelFile;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.pipeline.ModelChoice.Type;
import dev.doppel.pipeline.ModelSelection.Candidate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** auto's rule: the best quality among the models that pass the privacy bar, else the one farthest from training. */
class ModelSelectionTest {
    @TempDir
    Path dir;

    /**
     * End to end on telco, where the tree model scores about 0.98 and the copula 0.95 at DCR shares near 0.52 and 0.51
     * (README table): {@code fit} with no {@code --model} is auto, keeps the tree, and the model's notes give the
     * numbers behind it.
     */
    @Test
    void theDefaultAutoOnTelcoKeepsTheTreeAndSaysWhy() {
        Path data = TestData.require("telco_churn.csv");
        Path model = dir.resolve("telco.json");
        CliRunner.Run run = CliRunner.doppel("fit", data.toString(), "-o", model.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        SynthModel fitted = ModelFile.read(model);
        assertEquals("tree", fitted.kind());
        String note = fitted.notes().stream().filter(n -> n.startsWith("model auto: tree")).findFirst().orElse("");
        assertTrue(note.contains("copula quality") && note.contains("tree quality") && note.contains("DCR share"),
                fitted.notes().toString());
    }
    @Test
    void bestQualityAmongThoseThatPass() {
        var outcome = ModelSelection.decide(List.of(new Candidate(Type.COPULA, 0.95, 0.50, 0, 0.001),
                new Candidate(Type.TREE, 0.98, 0.53, 0, 0.001)));
        assertEquals(Type.TREE, outcome.chosen());
        assertTrue(outcome.reason().contains("tree quality 0.980"), outcome.reason());
    }

    @Test
    void aModelTooCloseToItsRowsLosesWhateverItsQuality() {
        var outcome = ModelSelection.decide(List.of(new Candidate(Type.COPULA, 0.92, 0.48, 0, 0),
                new Candidate(Type.TREE, 0.99, 0.67, 0, 0)));
        assertEquals(Type.COPULA, outcome.chosen());
        assertTrue(outcome.reason().contains("(fails)"), outcome.reason());
    }

    @Test
    void moreExactCopiesThanTheValidationRowsFail() {
        assertTrue(!new Candidate(Type.TREE, 0.99, 0.50, 0.02, 0.01).passes());
        assertTrue(new Candidate(Type.TREE, 0.99, 0.50, 0.01, 0.01).passes());
    }

    @Test
    void whenNonePassesTheFarthestFromTrainingWins() {
        var outcome = ModelSelection.decide(List.of(new Candidate(Type.COPULA, 0.9, 0.60, 0, 0),
                new Candidate(Type.TREE, 0.99, 0.70, 0, 0)));
        assertEquals(Type.COPULA, outcome.chosen());
        assertTrue(outcome.reason().contains("no model passed"), outcome.reason());
    }

    @Test
    void theTreeCandidateGrowsLeavesAsLargeAsTheModelThatShips() {
        TreeSettings automatic = new TreeSettings(0, 8, List.of(), 1);
        // 240 rows: the validation split trains on 180, under the no-split bound; the final fit on 240 splits
        TreeSettings candidate = ModelSelection.candidateSettings(automatic, 240, 5);
        assertEquals(TreeSettings.automaticMinLeaf(240, 5), candidate.minLeafFor(180, 5));
        assertEquals(15, candidate.minLeafFor(180, 5));
        assertEquals(automatic.maxDepth(), candidate.maxDepth());
        assertEquals(automatic.significance(), candidate.significance());
        TreeSettings explicit = new TreeSettings(30, 8, List.of(), 1);
        assertEquals(explicit, ModelSelection.candidateSettings(explicit, 240, 5));
    }
}

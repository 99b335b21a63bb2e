package io.kehu.plugins.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validation on real data the way a company's history arrives: the IBM Telco file ({@code shared/data}, 7,043
 * customers) imported into the customer form through the platform's import (the wizard's mapping, the one write
 * path), the customer form first given the file's columns as fields (and without the phone-or-e-mail rule: the file
 * has neither), as an administrator would in the form designer;
 * then the plugin reads the customers and trains on them with the fixed seed. The holdout ROC AUC must stay ≥ 0.84
 * (the issue's bar). Skipped with a message when the file is absent.
 */
class ChurnTelcoImportTest {

    private static final String LABEL = "churn=yes";
    private static KehuTestHost kehu;
    private static Path file;

    @BeforeAll
    static void start() {
        file = ChurnModelTest.telco();
        if (file != null) {
            kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild()).start();
        }
    }

    @AfterAll
    static void stop() {
        if (kehu != null) {
            kehu.close();
        }
    }

    @Test
    void theTelcoFileImportedThroughTheImportPathTrainsToTheIssuesAuc() throws IOException {
        assumeTrue(file != null, "shared/data/telco-customer-churn.csv is absent: the real-data validation (import "
                + "and training on 7,043 customers) is skipped");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> fields = new ArrayList<>();
        kehu.publishForm(customerFormWithColumnsOf(header, lines, fields));

        long started = System.nanoTime();
        KehuTestHost.ImportResult imported = kehu.importFile("admin", "customer", file, Map.of("customerID", "name"));
        long importMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(imported.status()).isEqualTo("DONE");
        assertThat(imported.firstProblems()).isEmpty();
        assertThat(imported.created()).isEqualTo(7043);
        assertThat(imported.mapped()).containsEntry("customerID", "name").containsEntry("Contract", "contract")
                .containsEntry("StreamingTV", "streaming_tv").containsEntry("Churn", "churn");

        // the plugin reads the imported customers (its picked fields and label) and trains with the fixed seed
        kehu.context().settings().put(ChurnSettings.FIELDS, String.join(",", fields));
        kehu.context().settings().put(ChurnSettings.LABEL, LABEL);
        started = System.nanoTime();
        FeatureTable table = new FeatureExtractor(kehu.context()).extract(LocalDate.now(), fields, LABEL,
                Progress.NONE, () -> false);
        ChurnModel model = ChurnModel.train(table, 1, LABEL, ChurnModelTest.SEED);
        long trainMillis = (System.nanoTime() - started) / 1_000_000;
        Evaluation e = model.evaluation();
        System.out.printf(Locale.ROOT, "Telco through the import: %d rows imported in %d ms; %d customers, holdout %d "
                        + "(%d left): AUC %.4f, precision %.3f, recall %.3f, lift top 10%% %.2f, Brier %.4f, "
                        + "features + training %d ms; top inputs %s%n", imported.created(), importMillis, table.size,
                e.rows(), e.positives(), e.auc(), e.precision(), e.recall(), e.liftTop10(), e.brier(), trainMillis,
                model.importance(5));
        System.out.println("  lift by tenth: " + e.liftsByTenth());
        e.calibration().forEach(b -> System.out.printf(Locale.ROOT, "  predicted %.3f observed %.3f (%d)%n",
                b.predicted(), b.observed(), b.count()));
        assertThat(table.size).isEqualTo(7043);
        assertThat(e.rows()).isEqualTo(2113);
        assertThat(e.positives()).isEqualTo(561);
        assertThat(e.auc()).isGreaterThanOrEqualTo(0.84);

        ChurnModel card = ChurnModel.train(table, 2, LABEL, ChurnModelTest.SEED, ChurnModel.SCORECARD, null);
        Evaluation c = card.evaluation();
        System.out.printf(Locale.ROOT, "Telco scorecard through the import: AUC %.4f, precision %.3f, recall %.3f, "
                        + "lift top 10%% %.2f, Brier %.4f; base %.0f, %d of %d inputs in the card%n", c.auc(),
                c.precision(), c.recall(), c.liftTop10(), c.brier(), card.scorecard().basePoints(),
                card.scorecard().variables().size(), card.scorecard().screened().size());
        assertThat(c.rows()).isEqualTo(2113);
        assertThat(c.auc()).isGreaterThanOrEqualTo(0.84);
    }

    /**
     * The shipped customer form with one field per column of the file (but the id, which becomes the name): numbers
     * for tenure, senior citizen and the charges, a select of the values found for the others (their words as the
     * labels, so the import matches them), not required — 11 customers have no total charges yet; without the shipped
 * rule that a customer needs a phone or an e-mail (the file has neither).
     */
    static String customerFormWithColumnsOf(List<String> header, List<String> lines, List<String> picked)
            throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Path shipped = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && shipped == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("form-definitions/customer.json");
            shipped = Files.isReadable(candidate) ? candidate : null;
        }
        assertThat(shipped).as("form-definitions/customer.json above the working directory").isNotNull();
        ObjectNode form = (ObjectNode) json.readTree(Files.readString(shipped));
        // the file has no phone or e-mail: the company's designer drops the rule "phone or e-mail is required"
        ArrayNode rules = form.putArray("rules");
        json.readTree(Files.readString(shipped)).get("rules").forEach(rule -> {
            if (!rule.path("script").asString().contains("record.email")) {
                rules.add(rule);
            }
        });
        ArrayNode fieldNodes = (ArrayNode) form.get("fields");
        Set<String> numbers = Set.of("SeniorCitizen", "tenure", "MonthlyCharges", "TotalCharges");
        List<String> added = new ArrayList<>();
        for (int c = 1; c < header.size(); c++) {
            String column = header.get(c);
            String id = column.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            ObjectNode field = fieldNodes.addObject();
            field.put("id", id);
            field.putObject("label").put("zh", column).put("en", column);
            if (numbers.contains(column)) {
                field.put("type", column.endsWith("Charges") ? "decimal" : "integer");
            } else {
                field.put("type", "select");
                Set<String> values = new LinkedHashSet<>();
                for (int r = 1; r < lines.size(); r++) {
                    values.add(lines.get(r).split(",", -1)[c]);
                }
                ArrayNode options = field.putArray("options");
                Map<String, String> slugs = new LinkedHashMap<>();
                values.forEach(v -> slugs.put(v, v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                        .replaceAll("^_|_$", "")));
                slugs.forEach((v, slug) -> {
                    ObjectNode option = options.addObject();
                    option.put("value", slug);
                    option.putObject("label").put("zh", v).put("en", v);
                });
            }
            added.add(id);
            if (!"churn".equals(id)) {
                picked.add(id);
            }
        }
        ObjectNode section = ((ArrayNode) form.get("layout")).addObject();
        section.putObject("section").put("zh", "电信数据").put("en", "Telco data");
        section.put("columns", 2);
        ArrayNode sectionFields = section.putArray("fields");
        added.forEach(sectionFields::add);
        return json.writeValueAsString(form);
    }
}

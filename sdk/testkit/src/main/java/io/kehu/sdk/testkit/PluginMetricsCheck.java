package io.kehu.sdk.testkit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a plugin's shipped metrics ({@code src/main/resources/metrics/*.json}) as a manager meets them: offered in
 * the dashboard editor's metric picker under their Chinese and English names, and drawn on a dashboard built from them
 * in the editor — every widget with a figure, none refused. Run it against a {@link KehuTestHost} started with the
 * plugin (its metrics are read when it starts, after its forms are published):
 *
 * <pre>{@code
 * @Test
 * void itsMetricsAreOfferedAndDrawn(KehuTestHost kehu) {
 *     PluginMetricsCheck.offeredAndDrawn(kehu, "manager");
 * }
 * }</pre>
 */
public final class PluginMetricsCheck {

    private static final Path FOLDER = Path.of("src/main/resources/metrics");

    private PluginMetricsCheck() {
    }

    /** A metric file's id and names. */
    public record ShippedMetric(String id, String zh, String en) {
    }

    /** The metrics in the plugin's {@code src/main/resources/metrics} folder, by file name. */
    public static List<ShippedMetric> shipped() {
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(FOLDER)) {
            List<ShippedMetric> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = json.readTree(Files.readString(file));
                found.add(new ShippedMetric(root.path("id").asString(), root.path("label").path("zh").asString(),
                        root.path("label").path("en").asString()));
            }
            if (found.isEmpty()) {
                throw new AssertionError("No metric files in " + FOLDER.toAbsolutePath());
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FOLDER.toAbsolutePath(), e);
        }
    }

    /**
     * Opens the dashboard editor as {@code username} (a manager or admin) in Chinese and in English and checks every
     * shipped metric is offered under its name in that language; then, in Chinese, adds each as a number card, saves
     * the dashboard and checks each card shows a figure (a value or "—" when there are no records) and none is
     * refused.
     *
     * @throws AssertionError naming what is missing
     */
    public static void offeredAndDrawn(KehuTestHost kehu, String username) {
        List<ShippedMetric> metrics = shipped();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            kehu.ui(username, locale).navigate("dashboard-editor");
            List<String> offered = labels(picker());
            for (ShippedMetric m : metrics) {
                String name = locale.getLanguage().equals("zh") ? m.zh() : m.en();
                if (!offered.contains(name)) {
                    throw new AssertionError("Metric " + m.id() + " is not offered as \"" + name + "\" in the "
                            + locale + " editor; offered: " + offered);
                }
            }
        }
        kehu.ui(username, Locale.SIMPLIFIED_CHINESE).navigate("dashboard-editor");
        _get(TextField.class, spec -> spec.withId("editor-name")).setValue("插件指标");
        for (ShippedMetric m : metrics) {
            ComboBox<Object> picker = picker();
            ItemLabelGenerator<Object> label = picker.getItemLabelGenerator();
            picker.setValue(picker.getListDataView().getItems().filter(i -> label.apply(i).equals(m.zh()))
                    .findFirst().orElseThrow());
            _click(_get(Button.class, spec -> spec.withId("editor-add")));
        }
        _click(_get(Button.class, spec -> spec.withId("editor-save")));
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        if (!path.startsWith("dashboards/")) {
            throw new AssertionError("Saving the dashboard did not open it (at " + path + ")");
        }
        for (int i = 0; i < metrics.size(); i++) {
            String id = "widget-" + i;
            ShippedMetric m = metrics.get(i);
            if (_find(Component.class, spec -> spec.withId(id + "-value")).isEmpty()) {
                String shown = _find(Component.class, spec -> spec.withId(id)).stream().findFirst()
                        .map(c -> c.getElement().getTextRecursively()).orElse("(no widget)");
                throw new AssertionError("Metric " + m.id() + " has no figure on the dashboard: " + shown);
            }
        }
        kehu.closeUi();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Object> picker() {
        return _get(ComboBox.class, spec -> spec.withId("editor-metric"));
    }

    private static List<String> labels(ComboBox<Object> picker) {
        ItemLabelGenerator<Object> label = picker.getItemLabelGenerator();
        return picker.getListDataView().getItems().map(label::apply).toList();
    }
}

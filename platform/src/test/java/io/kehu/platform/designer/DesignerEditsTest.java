package io.kehu.platform.designer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.DefinitionWriter;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LayoutSection;
import io.kehu.platform.forms.LocalizedText;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The designer's edits, undo history and version diff on plain definitions, without Spring or a browser. */
class DesignerEditsTest {

    private static final FormDefinition LEAD = new DefinitionReader().read("lead.json", """
        {"id": "lead", "label": {"en": "Lead"}, "titleField": "name", "ownerField": "owner",
         "fields": [{"id": "name", "type": "text"}, {"id": "owner", "type": "user"},
                    {"id": "budget", "type": "money"}, {"id": "note", "type": "textarea"}],
         "layout": [{"section": {"en": "Basics"}, "columns": 2, "fields": ["name", "owner", "budget"]},
                    {"section": {"en": "More"}, "tab": {"en": "Extra"}, "fields": ["note"]}]}
        """);

    @Test
    void aNewFieldGetsAFreeIdAndItsPlace() {
        FieldDefinition field = DesignerEdits.newField(LEAD, FieldType.SELECT);
        assertThat(field.id()).isEqualTo("select_1");
        assertThat(field.options()).hasSize(1);
        FormDefinition next = DesignerEdits.addField(LEAD, field, 0, 1);
        assertThat(next.layout().getFirst().fields()).containsExactly("name", "select_1", "owner", "budget");
        assertThat(DesignerEdits.newField(next, FieldType.SELECT).id()).isEqualTo("select_2");
        assertThat(LEAD.layout().getFirst().fields()).hasSize(3); // the old snapshot is untouched
    }

    @Test
    void movingPlacesAFieldBeforeTheTargetWithinAndAcrossSections() {
        assertThat(DesignerEdits.moveField(LEAD, "name", 0, 2).layout().getFirst().fields())
                .containsExactly("owner", "name", "budget");
        assertThat(DesignerEdits.moveField(LEAD, "budget", 0, 0).layout().getFirst().fields())
                .containsExactly("budget", "name", "owner");
        FormDefinition across = DesignerEdits.moveField(LEAD, "owner", 1, 0);
        assertThat(across.layout().get(0).fields()).containsExactly("name", "budget");
        assertThat(across.layout().get(1).fields()).containsExactly("owner", "note");
        assertThat(DesignerEdits.moveField(LEAD, "name", 1, Integer.MAX_VALUE).layout().get(1).fields())
                .containsExactly("note", "name");
    }

    @Test
    void renamingCarriesTheIdIntoLayoutTitleAndOwnerAndRemovingForgetsIt() {
        FieldSpec spec = FieldSpec.of(LEAD.field("name").orElseThrow());
        spec.id = "company";
        FormDefinition renamed = DesignerEdits.replaceField(LEAD, 0, spec.toDefinition());
        assertThat(renamed.titleField()).isEqualTo("company");
        assertThat(renamed.layout().getFirst().fields()).containsExactly("company", "owner", "budget");

        FormDefinition removed = DesignerEdits.removeField(renamed, 1);
        assertThat(removed.ownerField()).isNull();
        assertThat(removed.layout().getFirst().fields()).containsExactly("company", "budget");
    }

    @Test
    void aDuplicateIdBeingFixedRenamesOnlyItsOwnPlace() {
        FieldDefinition extra = DesignerEdits.newField(LEAD, FieldType.TEXT);
        FormDefinition added = DesignerEdits.addField(LEAD, extra, 0, Integer.MAX_VALUE);
        int index = added.fields().size() - 1;
        FieldSpec spec = FieldSpec.of(extra);
        spec.id = "name";
        FormDefinition duplicate = DesignerEdits.replaceField(added, index, spec.toDefinition());
        spec.id = "nickname";
        FormDefinition fixed = DesignerEdits.replaceField(duplicate, index, spec.toDefinition());
        assertThat(fixed.layout().getFirst().fields()).containsExactly("name", "owner", "budget", "nickname");
        assertThat(fixed.titleField()).isEqualTo("name");
    }

    @Test
    void sectionsAreAddedMovedAndRemovedWithoutLosingFields() {
        FormDefinition three = DesignerEdits.addSection(LEAD, new LayoutSection(LocalizedText.of("三", "Three"),
                null, 1, List.of()));
        assertThat(three.layout()).hasSize(3);
        FormDefinition moved = DesignerEdits.moveSection(three, 1, 1);
        assertThat(moved.layout().get(2).fields()).containsExactly("note");
        FormDefinition removed = DesignerEdits.removeSection(moved, 2);
        assertThat(removed.layout()).hasSize(2);
        assertThat(removed.layout().get(1).fields()).containsExactly("note");
    }

    @Test
    void aTypeChangeDropsWhatTheNewTypeDoesNotTake() {
        FieldSpec spec = FieldSpec.of(DesignerEdits.newField(LEAD, FieldType.SELECT));
        spec.defaultValue = "option_1";
        spec.changeType(FieldType.INTEGER);
        spec.min = BigDecimal.ONE;
        FieldDefinition integer = spec.toDefinition();
        assertThat(integer.options()).isEmpty();
        assertThat(integer.defaultValue()).isNull();
        spec.changeType(FieldType.TEXT);
        assertThat(spec.toDefinition().min()).isNull();
        assertThat(FieldSpec.parseDefault(FieldType.INTEGER, "12")).isEqualTo(12L);
        assertThat(FieldSpec.parseDefault(FieldType.INTEGER, "twelve")).isEqualTo("twelve");
        assertThat(FieldSpec.parseDefault(FieldType.MULTISELECT, "a, b")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void undoAndRedoWalkTheSnapshotsAndKnowWhatIsUnsaved() {
        DesignerHistory history = new DesignerHistory(LEAD);
        FormDefinition a = DesignerEdits.moveField(LEAD, "name", 1, 0);
        FormDefinition b = DesignerEdits.removeField(a, 3);
        assertThat(history.apply(a)).isTrue();
        assertThat(history.apply(a)).isFalse();
        history.apply(b);
        assertThat(history.isDirty()).isTrue();
        history.undo();
        assertThat(history.current()).isEqualTo(a);
        history.undo();
        assertThat(history.current()).isEqualTo(LEAD);
        assertThat(history.isDirty()).isFalse();
        history.redo();
        history.markSaved();
        assertThat(history.isDirty()).isFalse();
        history.apply(b);
        assertThat(history.canRedo()).isFalse();
        for (int i = 0; i < DesignerHistory.LIMIT + 20; i++) {
            history.apply(DesignerEdits.moveSection(history.current(), 0, 1));
        }
        int undone = 0;
        while (history.canUndo()) {
            history.undo();
            undone++;
        }
        assertThat(undone).isEqualTo(DesignerHistory.LIMIT);
    }

    @Test
    void theDiffNamesAddedRemovedAndChangedKeys() {
        FieldSpec spec = FieldSpec.of(LEAD.field("budget").orElseThrow());
        spec.required = true;
        FormDefinition changed = DesignerEdits.replaceField(LEAD, 2, spec.toDefinition());
        changed = DesignerEdits.removeField(changed, 3);
        changed = DesignerEdits.addField(changed, DesignerEdits.newField(changed, FieldType.DATE), 0, 0);
        List<DefinitionDiff.Line> lines = DefinitionDiff.between(LEAD, changed, new DefinitionWriter());
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(DefinitionDiff.Kind.FIELD_CHANGED);
            assertThat(l.subject()).isEqualTo("budget.required");
            assertThat(l.before()).isNull();
            assertThat(l.after()).isEqualTo("true");
        });
        assertThat(lines).anySatisfy(l -> assertThat(l.kind() + " " + l.subject()).isEqualTo("FIELD_REMOVED note"));
        assertThat(lines).anySatisfy(l -> assertThat(l.kind() + " " + l.subject()).isEqualTo("FIELD_ADDED date_1"));
        assertThat(lines).anySatisfy(l -> assertThat(l.subject()).isEqualTo("layout"));
        assertThat(DefinitionDiff.between(LEAD, LEAD, new DefinitionWriter())).isEmpty();
    }

    @Test
    void problemsAreSortedToTheFieldAndKeyTheyAreAbout() {
        FieldSpec spec = FieldSpec.of(LEAD.field("budget").orElseThrow());
        spec.id = "Budget!";
        spec.min = BigDecimal.TEN;
        spec.max = BigDecimal.ONE;
        FormDefinition broken = DesignerEdits.replaceField(LEAD, 2, spec.toDefinition());
        DesignerProblems problems = DesignerProblems.check(broken, new DefinitionReader(), new DefinitionWriter(),
                Set.of());
        assertThat(problems.isEmpty()).isFalse();
        assertThat(problems.forField(2)).containsKey("id");
        assertThat(problems.fieldHasProblems(0)).isFalse();
        assertThat(DesignerProblems.check(LEAD, new DefinitionReader(), new DefinitionWriter(), Set.of()).isEmpty())
                .isTrue();
    }
}

package io.kehu.platform.forms;

import static io.kehu.platform.forms.MalformedDefinitionTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** The {@code ownerDefault} setting of a definition: read, written back, and a wrong value named where it is. */
class OwnerDefaultTest {

    private static final String OWNER = "{\"id\": \"owner\", \"type\": \"user\"}";
    private final DefinitionReader reader = new DefinitionReader();

    @Test
    void absentMeansTheCreatorAndNoneIsKeptThroughAWriteAndRead() {
        FormDefinition usual = reader.read("usual.json", sample("\"ownerField\": \"owner\"", OWNER));
        assertThat(usual.ownerDefault()).isEqualTo(OwnerDefault.CREATOR);
        assertThat(new DefinitionWriter().write(usual)).doesNotContain("ownerDefault");

        FormDefinition pool = reader.read("pool.json",
                sample("\"ownerField\": \"owner\", \"ownerDefault\": \"none\"", OWNER));
        assertThat(pool.ownerDefault()).isEqualTo(OwnerDefault.NONE);
        String written = new DefinitionWriter().write(pool);
        assertThat(written).contains("\"ownerDefault\": \"none\"");
        assertThat(reader.read("again.json", written).ownerDefault()).isEqualTo(OwnerDefault.NONE);
    }

    @Test
    void anUnknownValueIsRefusedAtItsPath() {
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> reader.read("bad.json",
                sample("\"ownerField\": \"owner\", \"ownerDefault\": \"boss\"", OWNER)));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.source()).isEqualTo("bad.json");
            assertThat(p.jsonPath()).isEqualTo("$.ownerDefault");
            assertThat(p.message()).contains("boss");
        });
    }
}

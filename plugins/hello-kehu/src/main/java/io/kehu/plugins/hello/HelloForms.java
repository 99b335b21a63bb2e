package io.kehu.plugins.hello;

import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.forms.FormDefinitionProvider;
import java.util.List;
import org.pf4j.Extension;

/** Ships the {@code hello_greeting} form: greetings staff write to each other. */
@Extension
public class HelloForms implements FormDefinitionProvider {

    static final String FORM = "hello_greeting";

    @Override
    public List<DefinitionText> definitions() {
        return List.of(DefinitionText.fromResource(HelloForms.class, "forms/hello_greeting.json"));
    }
}

package io.kehu.plugins.hello;

import io.kehu.sdk.scripts.ScriptFunctions;
import org.pf4j.Extension;

/** Offers {@code hello.greet(name)} to form rules. */
@Extension
public class HelloFunctions implements ScriptFunctions {

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public Object functions() {
        return new Greeter();
    }

    /** What rules may call. */
    public static class Greeter {
        public String greet(String name) {
            return "Hello, " + name;
        }
    }
}

package io.kehu.platform.rules;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The parent class loader of compiled rules: the platform's, plus the classes of plugin function sets (which live in
 * plugin class loaders), so a rule can be compiled against them. Only those exact classes are added.
 */
final class FunctionClassLoader extends ClassLoader {

    private final Map<String, Class<?>> classes;

    private FunctionClassLoader(ClassLoader parent, Map<String, Class<?>> classes) {
        super(parent);
        this.classes = classes;
    }

    static ClassLoader over(Collection<Class<?>> functionClasses) {
        ClassLoader platform = RuleEngine.class.getClassLoader();
        if (functionClasses.stream().allMatch(c -> c.getClassLoader() == platform)) {
            return platform;
        }
        return new FunctionClassLoader(platform, functionClasses.stream()
                .collect(Collectors.toMap(Class::getName, Function.identity(), (a, b) -> a)));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> type = classes.get(name);
        if (type == null) {
            throw new ClassNotFoundException(name);
        }
        return type;
    }
}

package io.kehu.sdk.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A generic type to read JSON as, captured by an anonymous subclass: {@code new JsonType<List<TierScheme>>() {}}.
 * For plain classes use {@link #of(Class)}.
 *
 * @param <T> the type
 */
public abstract class JsonType<T> {

    private final Type type;

    protected JsonType() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)) {
            throw new IllegalStateException("Create a JsonType as new JsonType<List<X>>() {}, with its type argument");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    private JsonType(Class<T> type) {
        this.type = type;
    }

    /** A plain class, e.g. a settings record. */
    public static <T> JsonType<T> of(Class<T> type) {
        return new Plain<>(type);
    }

    /** The Java type (a {@code Class} or a {@code ParameterizedType}). */
    public final Type type() {
        return type;
    }

    private static final class Plain<T> extends JsonType<T> {
        private Plain(Class<T> type) {
            super(type);
        }
    }

    @Override
    public String toString() {
        return type.getTypeName();
    }
}

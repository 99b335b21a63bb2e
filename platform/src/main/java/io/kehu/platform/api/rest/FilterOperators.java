package io.kehu.platform.api.rest;

import io.kehu.platform.records.RecordQuery.Operator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The API's names of filter operators ({@code eq}, {@code gte}, …), for documents that list them. */
public final class FilterOperators {

    private FilterOperators() {
    }

    /** The names of {@code operators} in the API's order, separated by {@code |}. */
    public static String names(Set<Operator> operators) {
        return ListParameters.OPERATORS.entrySet().stream().filter(e -> operators.contains(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.joining("|"));
    }
}

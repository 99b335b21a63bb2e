package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The {@code If-Match} of writes: the record's ETag, its row version in quotes ({@code "3"}); weak tags refused. */
final class Versions {

    private Versions() {
    }

    /** The version in {@code ifMatch}: 428 when missing (a write must say what it read), 400 when not ours. */
    static int required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition_required");
        }
        String tag = ifMatch.strip();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            int version = Integer.parseInt(tag);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_etag");
        }
    }
}

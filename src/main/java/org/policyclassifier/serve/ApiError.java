package org.policyclassifier.serve;

import java.util.Map;

/**
 * A request the server refuses, as the JSON body {@code {error, detail, ...}} with its status:
 * 400 malformed, 404 unknown, 413 too large, 422 understood but without a single answer.
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, Object> extra;

    ApiError(int status, String error, String detail) {
        this(status, error, detail, Map.of());
    }

    ApiError(int status, String error, String detail, Map<String, Object> extra) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
        this.extra = extra;
    }

    int status() {
        return status;
    }

    /** The body: {@code error} and {@code detail} first, then what helps the caller fix the request. */
    Map<String, Object> body() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", getMessage());
        body.putAll(extra);
        return body;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "bad_request", detail);
    }

    static ApiError notFound(String detail) {
        return new ApiError(404, "not_found", detail);
    }

    static ApiError tooLarge(String detail) {
        return new ApiError(413, "too_large", detail);
    }
}

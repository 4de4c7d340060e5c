package org.policyclassifier.serve;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a request line or headers over the limit, a malformed request), which
 * happen before any handler runs, in the API's shape {@code {error, detail}} instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private static byte[] body(int status, String message) {
        String error = switch (status) {
            case 413, 414, 431 -> "too_large";
            case 400 -> "bad_request";
            case 404 -> "not_found";
            default -> "http_" + status;
        };
        String detail = status == 414 || status == 431
                ? "the request line or headers are longer than " + PolicyServer.MAX_HEADER_BYTES + " bytes"
                : message == null ? "HTTP " + status : message;
        return PolicyServer.bytes(new ApiError(status, error, detail).body());
    }
}

package org.policyclassifier.rules;

import java.util.Map;
import java.util.Optional;
import org.kie.api.builder.Message;
import org.policyclassifier.errors.Problem;

/** Turns a Drools build message into a problem located in the user's rule file. */
final class CompileMessages {

    private CompileMessages() {
    }

    static Optional<Problem> translate(Message message, Map<String, String> displayName) {
        String text = message.getText() == null ? "" : message.getText().strip();
        // Follow-on noise after a syntax error, already reported at the real line.
        if (text.startsWith("Parser returned a null Package")) {
            return Optional.empty();
        }
        String path = message.getPath() == null ? "" : message.getPath();
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        String file = displayName.getOrDefault(fileName, fileName.isEmpty() ? "rules" : fileName);
        return Optional.of(new Problem(file, Math.max(0, message.getLine()), text.replaceAll("\\s+", " ")));
    }
}

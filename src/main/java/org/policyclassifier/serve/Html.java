package org.policyclassifier.serve;

import java.util.Map;

/**
 * HTML written from Java: every text and attribute value goes through {@link #escape}, so that
 * nothing a visitor typed (a question, a place) is ever read as markup. Markup itself comes only
 * from the page's code, through {@link #raw}.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(16 * 1024);

    /** Text as text: {@code < > & " '} become entities. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /**
     * A text with markup in the places of its parameters: {@code text} is escaped whole, then each
     * marker it holds (a parameter's stand-in) is replaced by its markup.
     */
    static String withMarkup(String text, Map<String, String> markupOfMarker) {
        String escaped = escape(text);
        for (Map.Entry<String, String> e : markupOfMarker.entrySet()) {
            escaped = escaped.replace(escape(e.getKey()), e.getValue());
        }
        return escaped;
    }

    /** Markup written by the page's code, never a visitor's text. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** An opening tag; {@code attributes} are name, value pairs, a null value leaving its attribute out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

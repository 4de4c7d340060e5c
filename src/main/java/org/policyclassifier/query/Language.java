package org.policyclassifier.query;

import org.policyclassifier.facts.Synonyms;

/** The languages of the vocabulary, Belgium's three official languages and English; a question may be in any of them, or mix them. */
public enum Language {
    en, nl, fr, de;

    /** The words in this language. */
    java.util.List<String> of(Synonyms s) {
        return switch (this) {
            case en -> s.en();
            case nl -> s.nl();
            case fr -> s.fr();
            case de -> s.de();
        };
    }
}

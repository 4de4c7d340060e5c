package org.policyclassifier.cli;

import org.policyclassifier.facts.Words;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --lang CODE}: the language an answer's texts are written in, one of the facts' languages. */
final class LanguageOption {

    @Option(names = "--lang", paramLabel = "CODE", description = "The language of the answer: a language of"
            + " facts/languages.json (en, nl, fr, de); default en (for a question: the language it was read in).")
    String lang;

    boolean given() {
        return lang != null;
    }

    /** The language asked for, or the default one; a usage error for a language the facts do not have. */
    String language(Words words, CommandSpec spec) {
        return words.languageOf(lang).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--lang: unknown language '" + lang + "'; expected one of " + words.languageIds()));
    }
}

package org.policyclassifier.query;

/** The three languages of the vocabulary; a question may be in any of them, or mix them. */
public enum Language {
    en, nl, fr
}

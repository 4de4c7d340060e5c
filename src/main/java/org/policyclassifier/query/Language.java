package org.policyclassifier.query;

/** The languages of the vocabulary, Belgium's three official languages and English; a question may be in any of them, or mix them. */
public enum Language {
    en, nl, fr, de
}

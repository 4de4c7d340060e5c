package org.policyclassifier.cli;

/** The two ways a command can print its result. */
enum ResultFormat { text, json }

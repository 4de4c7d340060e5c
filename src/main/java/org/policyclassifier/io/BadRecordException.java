package org.policyclassifier.io;

/** A record of an input that cannot be read; the message is the plain reason for the rejects file. */
public final class BadRecordException extends Exception {

    public BadRecordException(String reason) {
        super(reason, null, false, false); // a verdict on data, not a fault: no stack trace needed
    }
}

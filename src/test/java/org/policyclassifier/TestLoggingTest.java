package org.policyclassifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 20: {@code mvn -B verify} printed Selenium's CDP version warnings at every browser
 * start (src/test/resources/logging.properties says why they mean nothing here); every other
 * warning, and Selenium's errors, still show.
 */
class TestLoggingTest {

    @Test
    void seleniumsCdpVersionWarningsAreQuietAndOtherWarningsStillShow() {
        Logger cdp = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
        Logger chromium = Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver");
        assertFalse(cdp.isLoggable(Level.WARNING));
        assertFalse(chromium.isLoggable(Level.WARNING));
        assertTrue(chromium.isLoggable(Level.SEVERE));
        assertTrue(Logger.getLogger("org.openqa.selenium.remote.RemoteWebDriver").isLoggable(Level.WARNING));
        assertTrue(Logger.getLogger("org.policyclassifier").isLoggable(Level.INFO));
    }
}
